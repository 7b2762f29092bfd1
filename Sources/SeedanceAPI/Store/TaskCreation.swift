/// Whether a create call made a task: the pay-once ledger's answer for one submission, stored
/// with every record and printed in snake_case.
///
/// Set from the submit failure classifier's typed result (``SubmitFailureClassifier/creation(_:)``),
/// never from message text. Whether a record may have cost money is its state's
/// ``TaskState/mayBePaid`` (``answeredState``): a created task that failed is not charged.
public enum TaskCreation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing left this machine, or the provider provably did not take it: the connection was
    /// refused before sending, or it answered 429/503 ("not now"). Safe to send again.
    case notSent = "not_sent"
    /// The provider answered that it created nothing (a 4xx other than 429).
    case refused
    /// A task may exist and its id is not known: the call is in flight, or it ended after the
    /// body may have left (timeout, reset, 5xx other than 503, an answer without a task id).
    case unknown
    /// The provider gave the task id.
    case created

    /// The record's state once the create call answered this.
    public var answeredState: TaskState {
        switch self {
        case .created: .submitted
        case .notSent, .refused: .refused
        case .unknown: .outcomeUnknown
        }
    }

    /// What a record written before `creation` existed (a 0.4.0 store, a legacy journal) proves.
    ///
    /// A known task id proves a task; a refusal whose recorded reason is one the old code wrote
    /// only when nothing was taken proves nothing left; any other refusal is the provider's.
    /// Everything else (an intent, an unknown outcome, a task state without an id) may have paid.
    public static func derived(state: TaskState, taskID: String?, reason: String?) -> TaskCreation {
        if taskID != nil { return .created }
        switch state {
        case .refused: return reason.map(notTakenReasons.contains) == true ? .notSent : .refused
        case .intent, .submitted, .succeeded, .failed, .outcomeUnknown: return .unknown
        }
    }

    /// Reasons earlier versions recorded only for a create that provably left nothing behind:
    /// no connection (`UNREACHABLE`), the batch's rewrite of a 429/503, and novita's 429 code.
    static let notTakenReasons: Set<String> = [
        "UNREACHABLE",
        "not taken (HTTP 429 or 503, or no connection); safe to send again",
        "RATE_LIMIT_EXCEEDED",
    ]
}
