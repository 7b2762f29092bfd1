/// An error the provider answered with: `{"code", "reason", "message", "metadata"}`.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Groups of reasons that call for the same next step.
    public enum Kind: Sendable, Hashable {
        /// An image breaks the provider's rules: `seedance check` explains, `seedance fix` repairs.
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
        /// The provider failed on its side.
        case serverFailure
        case unknown
    }

    /// The HTTP status of the response.
    public var httpStatus: Int
    /// The provider's `reason`, e.g. `INVALID_IMAGE_SIZE`; empty when the body had none.
    public var reason: String
    public var message: String
    /// How long the provider asked us to wait (its `Retry-After`, in seconds or as an HTTP date),
    /// e.g. with a 429; nil when it gave none. A batch pauses every worker at least this long.
    public var retryAfter: Duration?

    public init(httpStatus: Int, reason: String, message: String, retryAfter: Duration? = nil) {
        self.httpStatus = httpStatus
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
    }

    public var kind: Kind {
        switch reason {
        case "INVALID_IMAGE_FORMAT", "INVALID_IMAGE_SIZE", "IMAGE_FILE_EXCEEDS_MAX_SIZE", "IMAGE_EXCEEDS_MAX_RESOLUTION":
            .invalidImage
        case "INVALID_REQUEST_BODY": .invalidRequest
        case "ILLEGAL_PROMPT", "ILLEGAL_IMAGE_CONTENT": .illegalContent
        case "MISSING_API_KEY": .missingAPIKey
        case "INVALID_API_KEY": .invalidAPIKey
        case "API_NOT_ALLOWED", "FEATURE_NOT_ALLOWED": .notAllowed
        case "RATE_LIMIT_EXCEEDED": .rateLimited
        case "NOT_ENOUGH_BALANCE", "BILLING_BALANCE_NOT_ENOUGH": .insufficientBalance
        case "TASK_NOT_FOUND": .taskNotFound
        case "API_NOT_FOUND": .notFound
        case "CREATE_TASK_FAILED", "GET_RESULT_FAILED", "TASK_FAILED": .serverFailure
        default:
            switch httpStatus {
            case 429: .rateLimited
            case 500...: .serverFailure
            default: .unknown
            }
        }
    }

    /// What the user can do next, in one sentence.
    public var hint: String {
        switch kind {
        case .invalidImage: "run `seedance check` on the frames, then `seedance fix` or submit without --no-fix"
        case .invalidRequest: "a request field was refused; check the values against `seedance submit --help`"
        case .illegalContent: "the provider's moderation refused the prompt or an image; change them"
        case .missingAPIKey, .invalidAPIKey: "check NOVITA_API_KEY (create a key at https://novita.ai/settings/key-management)"
        case .notAllowed: "this key may not use Seedance 1.5 Pro; check the account's access on novita.ai"
        case .rateLimited: "too many requests; wait a minute and try again"
        case .insufficientBalance: "top up the novita.ai balance, then try again"
        case .taskNotFound: "check the task id; `seedance tasks` lists the ones this machine submitted"
        case .notFound: "check --base-url / SEEDANCE_BASE_URL"
        case .serverFailure: "the provider failed; try again later"
        case .unknown: "see the provider's message"
        }
    }

    public var description: String {
        let label = reason.isEmpty ? "HTTP \(httpStatus)" : "\(reason) (HTTP \(httpStatus))"
        let text = message.isEmpty ? "" : ": \(message)"
        return "\(label)\(text); \(hint)"
    }
}
