import Foundation
import SeedanceAPI

/// An ``HTTPTransport`` that answers from a script, one step per request, and records what it
/// was sent (the whole body, as a server would read it): a provider's request building and
/// answer classification tested without a server.
actor ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case answer(status: Int, body: String, headers: [(String, String)] = [])
        case fail(TransportFailure)
    }

    struct Sent: Sendable {
        var method: HTTPRequest.Method
        var url: String
        var headers: HTTPHeaderFields
        var body: [UInt8]
        var declaredLength: Int?
    }

    private var script: [Step]
    private(set) var sent: [Sent] = []

    init(_ script: [Step]) {
        self.script = script
    }

    func send(_ request: HTTPRequest, timeout: Duration?) async throws(TransportError) -> HTTPResponse {
        var body: [UInt8] = []
        if let outgoing = request.body {
            do {
                for try await chunk in outgoing { body += chunk }
            } catch {
                throw TransportError(.other, summary: "the body could not be produced: \(error)")
            }
        }
        sent.append(Sent(method: request.method, url: request.url, headers: request.headers, body: body, declaredLength: request.body?.length))
        guard !script.isEmpty else { throw TransportError(.other, summary: "the script has no step for request \(sent.count)") }
        switch script.removeFirst() {
        case .answer(let status, let text, let headers):
            return HTTPResponse(status: status, headers: HTTPHeaderFields(headers), body: HTTPBody(bytes: Array(text.utf8)))
        case .fail(let failure):
            throw TransportError(failure, summary: "scripted \(failure)")
        }
    }
}
