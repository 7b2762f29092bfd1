internal import Foundation

/// An Ark error answer: `{"error":{"code","message","param","type"}}` ([BP-E]).
struct ArkError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    /// The offending field, e.g. `content[1]` or `duration`; empty when none.
    var param = ""

    static func invalid(_ param: String, _ message: String) -> ArkError {
        ArkError(status: 400, code: "InvalidParameter", message: message, param: param)
    }

    static func missing(_ param: String) -> ArkError {
        ArkError(status: 400, code: "MissingParameter", message: "the required parameter \(param) is missing", param: param)
    }

    /// The HTTP status's name, as real bodies carry it in `type`.
    var type: String {
        switch status {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 429: "TooManyRequests"
        default: "InternalServerError"
        }
    }

    var response: StubResponse {
        // Real messages end with a request id; a client must not match on the whole text.
        let requestID = String(format: "%016llx", UInt64.random(in: 0...UInt64.max))
        return .json(
            status,
            ["error": ["code": code, "message": "\(message) Request id: \(requestID)", "param": param, "type": type]])
    }
}
