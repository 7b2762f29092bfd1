internal import Foundation
internal import SeedanceCore

/// Ark's error envelope, `{"error": {"code", "message", "param", "type"}}`, and what its codes
/// mean in the seam's terms (the contract's error table).
enum ArkErrors {
    struct Envelope: Decodable {
        struct Body: Decodable {
            var code: String?
            var message: String?
            var param: String?
        }
        var error: Body?
    }

    static func providerError(_ answer: HTTPAnswer) -> ProviderError {
        let body = (try? JSONDecoder().decode(Envelope.self, from: Data(answer.body)))?.error
        let code = body?.code ?? ""
        var message = body?.message ?? (body == nil ? "the answer was not the provider's JSON error" : "")
        if let param = body?.param, !param.isEmpty { message += " (\(param))" }
        return ProviderError(
            kind: kind(code: code, message: body?.message ?? "", httpStatus: answer.status), httpStatus: answer.status, reason: code,
            message: message, retryAfter: answer.retryAfter)
    }

    static func kind(code: String, message: String, httpStatus: Int) -> ProviderError.Kind {
        // Codes are dotted families (`InputImageSensitiveContentDetected.PrivacyInformation`):
        // the family decides.
        let family = code.split(separator: ".").first.map(String.init) ?? code
        switch family {
        case "InputTextSensitiveContentDetected", "InputImageSensitiveContentDetected": return .illegalContent
        case "InvalidParameter", "MissingParameter": return .invalidRequest
        case "AuthenticationError": return .invalidAPIKey
        case "AccountOverdueError", "AccessDenied", "OperationDenied", "SetLimitExceeded": return .accountStopped
        case "ModelNotOpen", "InvalidEndpointOrModel", "InvalidEndpoint": return .modelUnavailable
        case "ModelAccountRpmRateLimitExceeded", "RateLimitExceeded", "RequestBurstTooFast", "ServerOverloaded": return .rateLimited
        case "QuotaExceeded":
            // Two meanings under one code: the queue of waiting tasks is full (it drains), or a
            // trial quota is used up (it does not).
            return message.lowercased().contains("exceeded the quota") ? .queueFull : .accountStopped
        case "InternalServiceError": return .serverFailure
        default: return ProviderError.Kind(httpStatus: httpStatus)
        }
    }

    /// What a refused create proves: every non-2xx Ark documents means nothing was created; a
    /// 429 is also safe to send again.
    static func creation(_ error: ProviderError) -> TaskCreation {
        error.httpStatus == 429 ? .notSent : .refused
    }
}
