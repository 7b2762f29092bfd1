/// An error a provider answered with, in every provider's terms: the neutral ``Kind`` its
/// provider folder assigned (from the status and its own error codes), the provider's code and
/// message as sent, and how long it asked us to wait.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Groups of provider errors that call for the same next step.
    public enum Kind: Sendable, Hashable {
        /// An image breaks the provider's rules.
        case invalidImage
        /// The body had a wrong or missing field.
        case invalidRequest
        /// The prompt or image content was refused by moderation.
        case illegalContent
        case missingAPIKey
        case invalidAPIKey
        /// The key is valid but may not use this model or feature.
        case notAllowed
        case rateLimited
        case insufficientBalance
        case taskNotFound
        case notFound
        /// The model is not open to this account, retired or unknown to the provider: nothing
        /// more of it can be sent.
        case modelUnavailable
        /// The account's queue of waiting tasks is full: send again once it drains.
        case queueFull
        /// The account is stopped (overdue, access denied, a spending limit set in the console,
        /// a trial quota used up): nothing more can be sent until someone changes the account.
        case accountStopped
        /// The provider failed on its side.
        case serverFailure
        case unknown

        /// The kind an HTTP status alone implies, for answers without a code the provider's
        /// table knows.
        public init(httpStatus: Int) {
            switch httpStatus {
            case 401: self = .invalidAPIKey
            case 429: self = .rateLimited
            case 500...: self = .serverFailure
            default: self = .unknown
            }
        }
    }

    public var kind: Kind
    /// The HTTP status of the response.
    public var httpStatus: Int
    /// The provider's error code, e.g. novita's `INVALID_IMAGE_SIZE`; empty when the body had none.
    public var reason: String
    public var message: String
    /// How long the provider asked us to wait (its `Retry-After`, in seconds or as an HTTP date),
    /// e.g. with a 429; nil when it gave none. A batch pauses every worker at least this long.
    public var retryAfter: Duration?

    public init(kind: Kind, httpStatus: Int, reason: String, message: String, retryAfter: Duration? = nil) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
    }

    /// An answer without a code the provider's table knows: the kind from the status.
    public init(httpStatus: Int, message: String, retryAfter: Duration? = nil) {
        self.init(kind: Kind(httpStatus: httpStatus), httpStatus: httpStatus, reason: "", message: message, retryAfter: retryAfter)
    }

    public var description: String {
        let label = reason.isEmpty ? "HTTP \(httpStatus)" : "\(reason) (HTTP \(httpStatus))"
        return message.isEmpty ? label : "\(label): \(message)"
    }
}
