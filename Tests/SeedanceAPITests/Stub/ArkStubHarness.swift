import Foundation
import SeedanceAPI
import SeedanceStub
import TestSupport

/// A stand-in with the given Ark behaviour and a real HTTP transport pointed at it over
/// loopback, torn down together.
struct ArkStubHarness {
    static let key = "ark-test-key-31d7"

    let stub: SeedanceStub
    let transport: AsyncHTTPClientTransport

    static func run(_ ark: ArkStubConfiguration = ArkStubConfiguration(listWindow: .zero), _ body: (ArkStubHarness) async throws -> Void)
        async throws
    {
        try await SeedanceStub.with(StubConfiguration(apiKey: key, taskDuration: .milliseconds(50), ark: ark)) { stub in
            try await AsyncHTTPClientTransport.withTransport(.init(connectTimeout: .seconds(10), readTimeout: .seconds(30))) { transport in
                try await body(ArkStubHarness(stub: stub, transport: transport))
            }
        }
    }

    /// An answer: its status and its JSON document (empty when the body is not a JSON object).
    struct Answer {
        var status: Int
        var json: [String: Any]
        var bytes: [UInt8]

        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorParam: String? { (json["error"] as? [String: Any])?["param"] as? String }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
        var id: String? { json["id"] as? String }
    }

    /// Sends one call to `path` under the Ark base URL (or a whole URL), with the key unless told.
    func call(_ method: HTTPRequest.Method, _ path: String, body: Any? = nil, key: String? = ArkStubHarness.key) async throws -> Answer {
        var headers = HTTPHeaderFields()
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        var payload: HTTPBody?
        if let body {
            headers.add(name: "Content-Type", value: "application/json")
            payload = HTTPBody(bytes: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        }
        let url = path.hasPrefix("http") ? path : stub.arkBaseURL.absoluteString + path
        let response = try await transport.send(HTTPRequest(method: method, url: url, headers: headers, body: payload))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
        return Answer(status: response.status, json: json, bytes: bytes)
    }

    func create(_ body: [String: Any]) async throws -> Answer {
        try await call(.post, "/contents/generations/tasks", body: body)
    }

    func retrieve(_ id: String) async throws -> Answer {
        try await call(.get, "/contents/generations/tasks/\(id)")
    }

    func list(_ query: String) async throws -> Answer {
        try await call(.get, "/contents/generations/tasks?\(query)")
    }

    func delete(_ id: String) async throws -> Answer {
        try await call(.delete, "/contents/generations/tasks/\(id)")
    }

    /// Creates a task and returns its id, failing the test's expectations when refused.
    func createdID(_ body: [String: Any]) async throws -> String {
        let answer = try await create(body)
        guard answer.status == 200, let id = answer.id else { throw Unexpected(answer: answer) }
        return id
    }

    /// Retrieves until the task is terminal (at most `limit` polls); the last body.
    func poll(_ id: String, limit: Int = 10) async throws -> Answer {
        for _ in 0..<limit {
            let answer = try await retrieve(id)
            guard answer.status == 200, let status = answer.json["status"] as? String else { throw Unexpected(answer: answer) }
            if ["succeeded", "failed", "expired", "cancelled"].contains(status) { return answer }
        }
        throw Unexpected(answer: try await retrieve(id))
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String

        init(answer: Answer) {
            description = "HTTP \(answer.status): \(String(decoding: answer.bytes, as: UTF8.self))"
        }
    }

    // MARK: Bodies

    static let v20 = "dreamina-seedance-2-0-260128"

    static func dataURI(_ fixture: String, format: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(fixture)))
        return "data:image/\(format);base64," + bytes.base64EncodedString()
    }

    static func image(_ url: String, role: String?) -> [String: Any] {
        var item: [String: Any] = ["type": "image_url", "image_url": ["url": url]]
        if let role { item["role"] = role }
        return item
    }

    /// A valid first+last body for `model`, with `extra` top-level fields.
    static func body(model: String = v20, prompt: String = "She turns and smiles", extra: [String: Any] = [:]) throws -> [String: Any] {
        let frame = try dataURI("accepted.png", format: "png")
        var body: [String: Any] = [
            "model": model,
            "content": [
                ["type": "text", "text": prompt], image(frame, role: "first_frame"), image(frame, role: "last_frame"),
            ],
        ]
        body.merge(extra) { $1 }
        return body
    }
}
