/// A failure of the client, with a kind to match on and the context to report.
public struct SeedanceError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A required environment variable is missing or empty; nothing was sent.
        case missingConfiguration(variable: String)
        /// The base URL cannot be used.
        case invalidConfiguration
        /// The request failed validation; nothing was sent.
        case invalidRequest(RequestValidationError)
        /// The provider answered with an error.
        case provider(ProviderError)
        /// The create call may or may not have created a paid task; it was not repeated.
        case outcomeUnknown
        /// The answer could not be decoded.
        case malformedResponse
        /// No answer after every allowed retry.
        case unreachable
        /// Writing or reading a local file (e.g. the output) failed.
        case localIO
        /// The state store could not be opened, read or written. When this is thrown before a
        /// POST, nothing was sent.
        case stateStore(StateStoreError)
        /// Refused locally, nothing sent: `earlier` (same request, model and base URL, within
        /// ``DuplicateRule/window``) may already be paid for. Pass `allowDuplicate` to pay again.
        case duplicateRequest(earlier: TaskRecord)
        /// The output file exists and replacing it was not allowed.
        case outputExists
        /// The video URL answered with something that is not a complete video.
        case invalidDownload
    }

    public var kind: Kind
    /// What happened, for people; never holds the API key.
    public var message: String
    /// The store's intent id for a submission, so the user can find the record.
    public var intentID: String?

    public init(_ kind: Kind, _ message: String, intentID: String? = nil) {
        self.kind = kind
        self.message = message
        self.intentID = intentID
    }

    public var description: String {
        switch kind {
        case .provider(let error): "\(message): \(error)"
        case .invalidRequest(let error): "\(message): \(error)"
        case .stateStore(let error): "\(message): \(error)"
        default: message
        }
    }
}
