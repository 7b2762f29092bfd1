public import SeedanceCore

/// How a create call's exchange becomes a ``CreationOutcome``, for every provider: each supplies
/// only what is its own (where the task id is in a 2xx answer, and what a refusal means), so the
/// money rule for the rest (an answer without an id, a timeout, a dropped connection, no
/// connection at all) is written once.
public struct CreateAnswerReading: Sendable {
    /// The task id in an accepted answer's body; nil when it holds none.
    public var taskID: @Sendable ([UInt8]) -> String?
    /// The provider's reading of a refusal: its error (already redacted) and what it proves.
    public var refusal: @Sendable (HTTPAnswer) -> (error: ProviderError, creation: TaskCreation)

    public init(
        taskID: @escaping @Sendable ([UInt8]) -> String?,
        refusal: @escaping @Sendable (HTTPAnswer) -> (error: ProviderError, creation: TaskCreation)
    ) {
        self.taskID = taskID
        self.refusal = refusal
    }

    public func outcome(of result: ExchangeResult, configuration: ProviderConfiguration) -> CreationOutcome {
        switch result {
        case .accepted(let answer, let attempts):
            guard let taskID = taskID(answer.body) else {
                return .failed(
                    creation: .unknown,
                    error: SeedanceError(
                        .outcomeUnknown,
                        "the provider accepted the request (HTTP \(answer.status)) but its answer held no task id; a paid task may exist"),
                    reason: nil)
            }
            return .created(taskID: taskID, attempts: attempts)
        case .refused(let answer, _):
            let (error, creation) = refusal(answer)
            let redacted = configuration.redacted(error)
            return .failed(
                creation: creation, error: SeedanceError(.provider(redacted), "the provider refused the request"), reason: redacted.reason)
        case .outcomeUnknown(let failure, let status, _):
            let what = status.map { "the provider answered HTTP \($0)" } ?? Self.describe(failure)
            return .failed(
                creation: .unknown,
                error: SeedanceError(
                    .outcomeUnknown, "\(what) after the request was sent; a paid task may or may not exist, so it was not resubmitted"),
                reason: nil)
        case .unreachable(let text, let attempts):
            // Every attempt ended before sending (the classifiers retry nothing else).
            return .failed(
                creation: .notSent,
                error: SeedanceError(
                    .unreachable,
                    "could not connect to \(configuration.baseURL.absoluteString) after \(attempts) attempt(s), nothing was sent: \(configuration.redacted(text))"
                ),
                reason: "UNREACHABLE")
        }
    }

    static func describe(_ failure: TransportFailure?) -> String {
        switch failure {
        case .readTimeout: "no answer came within the read timeout"
        case .connectionClosed: "the connection dropped"
        default: "the call failed"
        }
    }
}
