import Foundation
import SeedanceAPI
import TestSupport
import Testing

/// `seedance-stub`'s Ark options reach the stand-in: the built executable on loopback, driven
/// over HTTP, with its poll counts, List window and faults taken from the command line.
@Suite struct ArkStubCommandTests {
    @Test func arkOptionsConfigureTheRunningStub() async throws {
        let executable = try #require(TestPaths.executable("seedance-stub"), "seedance-stub is not built")
        let arguments = [
            "--port", "0", "--key", "novita-key", "--ark-key", ArkStubHarness.key, "--ark-queued-polls", "0", "--ark-running-polls", "0",
            "--ark-list-window-seconds", "3600", "--ark-lose-answer-every", "2", "--ark-lose-answer-mode", "500", "--ark-face-marker", "FACE",
        ]
        try await ChildProcess.withStarted(executable, arguments) { child in
            // The address line comes first and unbuffered; polled, not slept against.
            let deadline = Date().addingTimeInterval(30)
            while !child.standardOutputSoFar.contains("\n"), Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let line = child.standardOutputSoFar.split(separator: "\n").first { $0.hasPrefix("listening on") } ?? ""
            let base = try #require(line.split(separator: " ").last.map(String.init), "\(line)")
            try await AsyncHTTPClientTransport.withTransport { transport in
                func send(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil, key: String = ArkStubHarness.key) async throws
                    -> (Int, [String: Any])
                {
                    var headers: HTTPHeaderFields = ["Authorization": "Bearer \(key)"]
                    var payload: HTTPBody?
                    if let body {
                        headers.add(name: "Content-Type", value: "application/json")
                        payload = HTTPBody(bytes: [UInt8](try JSONSerialization.data(withJSONObject: body)))
                    }
                    let response = try await transport.send(
                        HTTPRequest(method: method, url: base + "/api/v3" + path, headers: headers, body: payload))
                    let bytes = try await response.body.collect(upTo: 1 << 20)
                    return (response.status, (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:])
                }
                func code(_ json: [String: Any]) -> String? { (json["error"] as? [String: Any])?["code"] as? String }
                let tasks = "/contents/generations/tasks"
                let text: [String: Any] = ["model": ArkStubHarness.v20, "content": [["type": "text", "text": "a lighthouse"]]]
                #expect(try await send(.post, tasks, text, key: "novita-key").0 == 401)
                let (status, created) = try await send(.post, tasks, text)
                #expect(status == 200)
                let lost = try await send(.post, tasks, text)
                #expect(lost.0 == 500)
                #expect(code(lost.1) == "InternalServiceError")
                let frame = try ArkStubHarness.dataURI("accepted.png", format: "png")
                let face = try await send(
                    .post, tasks,
                    ["model": ArkStubHarness.v20, "content": [["type": "text", "text": "FACE"], ArkStubHarness.image(frame, role: "first_frame")]])
                #expect(face.0 == 400)
                #expect(code(face.1) == "InputImageSensitiveContentDetected.PrivacyInformation")
                let id = try #require(created["id"] as? String)
                #expect(try await send(.get, "\(tasks)/\(id)").1["status"] as? String == "succeeded")
                let listed = try await send(.get, "\(tasks)?page_num=1&page_size=10")
                #expect(listed.1["total"] as? Int == 2)
                #expect(code(try await send(.get, "\(tasks)?page_num=1&page_size=10").1) == "RateLimitExceeded.EndpointRPMExceeded")
            }
        }
    }

    @Test(arguments: [
        ["--ark-lose-answer-mode", "404"], ["--ark-face-every", "2", "--ark-face-marker", "x"], ["--ark-max-queued", "0"],
        ["--ark-queued-polls", "-1"], ["--ark-rpm", "0"],
    ])
    func badArkOptionsAreUsageErrors(arguments: [String]) async throws {
        let executable = try #require(TestPaths.executable("seedance-stub"), "seedance-stub is not built")
        let result = try await ChildProcess.run(executable, ["--port", "0"] + arguments, timeout: 20)
        #expect(result.status == 64, "\(result.standardError)")
    }

}
