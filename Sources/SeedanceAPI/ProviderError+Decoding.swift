internal import Foundation
internal import NIOCore
internal import NIOFoundationCompat

extension ProviderError {
    /// Reads `{code, reason, message}` from an error answer, and its `Retry-After`. Bodies that
    /// are not that JSON (proxy pages, HTML) are not echoed: they may hold anything.
    init(_ answer: HTTPAnswer) {
        self.init(status: answer.status, body: answer.body, retryAfter: answer.retryAfter)
    }

    init(status: Int, body: ByteBuffer, retryAfter: Duration? = nil) {
        struct Wire: Decodable {
            var reason: String?
            var message: String?
        }
        let wire = try? JSONDecoder().decode(Wire.self, from: body)
        self.init(
            httpStatus: status,
            reason: wire?.reason ?? "",
            message: wire?.message ?? (wire == nil ? "the answer was not the provider's JSON error" : ""),
            retryAfter: retryAfter)
    }
}
