public import Foundation

/// Everything the journal knows about one submission, folded from its events.
public struct JournalEntry: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Intent recorded; no answer recorded (the process may have died mid-call).
        case pending
        case submitted
        case refused
        case outcomeUnknown = "outcome_unknown"
        case finished
    }

    public var intentID: String
    public var createdAt: Date
    public var updatedAt: Date
    public var state: State
    public var fingerprint: String?
    public var inputs: [JournalInput]
    public var baseURL: String?
    public var taskID: String?
    /// The provider's final status, e.g. `TASK_STATUS_SUCCEED`.
    public var status: String?
    public var reason: String?
    public var outputPath: String?

    enum CodingKeys: String, CodingKey {
        case state, fingerprint, inputs, status, reason
        case intentID = "intent_id", createdAt = "created_at", updatedAt = "updated_at", baseURL = "base_url"
        case taskID = "task_id", outputPath = "output_path"
    }

    init(first event: JournalEvent) {
        intentID = event.intentID
        createdAt = event.time
        updatedAt = event.time
        state = .pending
        inputs = []
        apply(event)
    }

    mutating func apply(_ event: JournalEvent) {
        updatedAt = max(updatedAt, event.time)
        fingerprint = event.fingerprint ?? fingerprint
        inputs = event.inputs ?? inputs
        baseURL = event.baseURL ?? baseURL
        taskID = event.taskID ?? taskID
        status = event.status ?? status
        reason = event.reason ?? reason
        outputPath = event.outputPath ?? outputPath
        switch event.kind {
        case .intent: break
        case .submitted: state = .submitted
        case .refused: state = .refused
        case .outcomeUnknown: state = .outcomeUnknown
        case .finished: state = .finished
        }
    }

    /// Folds events in file order into one entry per intent, oldest first.
    static func fold(_ events: [JournalEvent]) -> [JournalEntry] {
        var order: [String] = []
        var entries: [String: JournalEntry] = [:]
        for event in events {
            if entries[event.intentID] == nil {
                order.append(event.intentID)
                entries[event.intentID] = JournalEntry(first: event)
            } else {
                entries[event.intentID]?.apply(event)
            }
        }
        return order.compactMap { entries[$0] }
    }
}
