internal import Foundation
internal import SeedanceCore

/// novita's error envelope, `{"code", "reason", "message", "metadata"}`, and what its reason
/// codes mean in the seam's terms.
enum NovitaErrors {
    /// Reads an error answer and its `Retry-After`. Bodies that are not that JSON (proxy pages,
    /// HTML) are not echoed: they may hold anything.
    static func providerError(_ answer: HTTPAnswer) -> ProviderError {
        struct Wire: Decodable {
            var reason: String?
            var message: String?
        }
        let wire = try? JSONDecoder().decode(Wire.self, from: Data(answer.body))
        let reason = wire?.reason ?? ""
        return ProviderError(
            kind: kind(reason: reason, httpStatus: answer.status),
            httpStatus: answer.status,
            reason: reason,
            message: wire?.message ?? (wire == nil ? "the answer was not the provider's JSON error" : ""),
            retryAfter: answer.retryAfter)
    }

    static func kind(reason: String, httpStatus: Int) -> ProviderError.Kind {
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
        default: ProviderError.Kind(httpStatus: httpStatus)
        }
    }
}
