internal import Foundation

/// What the handler should do with a request.
enum StubAction: Sendable {
    case respond(StubResponse)
    case respondLater(StubResponse, after: Duration)
    /// Keep the connection open and never answer.
    case hold
    case drop
}

/// A complete HTTP answer.
struct StubResponse: Sendable {
    var status: Int
    var contentType: String
    var body: Data
    var extraHeaders: [(name: String, value: String)] = []

    static func json(_ status: Int, _ object: [String: Any]) -> StubResponse {
        // JSONSerialization keeps this file short; the stub's answers are small.
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return StubResponse(status: status, contentType: "application/json", body: body)
    }

    static func refusal(_ refusal: ProviderRefusal, retryAfter: String? = nil) -> StubResponse {
        var response = json(
            refusal.status,
            [
                "code": refusal.status, "reason": refusal.reason, "message": refusal.message, "metadata": [String: String](),
            ])
        if let retryAfter { response.extraHeaders.append((name: "Retry-After", value: retryAfter)) }
        return response
    }
}
