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
}
