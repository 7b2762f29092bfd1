/// The life of one batch item, as stored; the raw values are the store's and the JSON's.
///
/// The happy path is pending → claimed → preparing → ready → submitting → submitted → running →
/// succeeded → downloaded. A worker waiting for the rate limit puts a ready item in
/// `rate_limited`; a 429 on create sends `submitting` back there. An answer that may or may not
/// have created a paid task is `outcome_unknown`, which is never resubmitted automatically.
public enum BatchItemState: String, Sendable, Hashable, CaseIterable, Codable {
    case pending
    case claimed
    case preparing
    case ready
    case rateLimited = "rate_limited"
    case submitting
    case submitted
    case running
    case succeeded
    case failed
    case outcomeUnknown = "outcome_unknown"
    case downloaded

    /// The states this one may move to.
    public var successors: Set<BatchItemState> {
        switch self {
        // A claim that lapses (the worker died before it did anything) returns the item to pending.
        case .pending: [.claimed, .failed]
        case .claimed: [.preparing, .pending, .failed]
        // Preparing fails for inputs that cannot be used; nothing was sent.
        case .preparing: [.ready, .failed, .pending]
        case .ready: [.rateLimited, .submitting, .pending]
        case .rateLimited: [.submitting, .pending]
        // 429 → rate_limited (provably not taken); refusal → failed; timeout/reset → outcome_unknown.
        case .submitting: [.submitted, .rateLimited, .failed, .outcomeUnknown]
        case .submitted: [.running, .succeeded, .failed]
        case .running: [.succeeded, .failed]
        // A download that fails is retried from succeeded; the task id is kept.
        case .succeeded: [.downloaded]
        case .failed, .outcomeUnknown, .downloaded: []
        }
    }

    public func canMove(to next: BatchItemState) -> Bool {
        successors.contains(next)
    }

    /// No automatic step leaves this state.
    public var isFinal: Bool { successors.isEmpty }

    /// The phase shown in the status block.
    public var phase: BatchProgress.Phase {
        switch self {
        case .pending, .claimed: .checking
        case .preparing, .ready: .preparing
        case .rateLimited: .rateLimited
        case .submitting, .submitted: .submitted
        // Succeeded but not yet downloaded is still work in progress.
        case .running, .succeeded: .running
        case .downloaded: .done
        case .failed: .failed
        case .outcomeUnknown: .unknown
        }
    }
}
