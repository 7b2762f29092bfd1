import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// The key may travel only in the Authorization header of provider calls.
@Suite struct KeyLeakTests {
    @Test func keyAppearsNowhereButTheAuthorizationHeader() async throws {
        try await StubHarness.run(readTimeout: .milliseconds(300)) { harness in
            var texts: [String] = []
            let faults: [StubFault?] = [nil, .dropConnection, .error(status: 500, reason: "CREATE_TASK_FAILED"), .delay(.seconds(1)), .malformedJSON]
            for fault in faults {
                if let fault { harness.stub.inject(fault, on: .submit) }
                do {
                    let submission = try await harness.client.submit(
                        StubHarness.request, inputs: harness.inputs, store: harness.store, allowDuplicate: true)
                    texts.append("\(submission)")
                    let result = try await harness.client.task(id: submission.taskID)
                    texts.append("\(result)")
                } catch {
                    texts += ["\(error)", String(reflecting: error), error.localizedDescription]
                }
            }
            let invalid = await harness.submissionError(makeRequest(first: FramePayload(role: .first, content: .url("nope"), digest: "")))
            texts.append("\(String(describing: invalid))")
            let configuration = harness.client.configuration
            var dumped = ""
            dump(configuration, to: &dumped)
            texts += ["\(configuration)", String(reflecting: configuration), dumped]
            texts += harness.logLines.current
            // Every file of the store (database, WAL, shared memory), as raw bytes.
            let storeFolder = harness.store.fileURL.deletingLastPathComponent()
            for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder.path) {
                texts.append(String(decoding: try Data(contentsOf: storeFolder.appendingPathComponent(name)), as: UTF8.self))
            }

            #expect(!texts.isEmpty)
            for text in texts {
                #expect(!text.contains(StubHarness.apiKey), "key leaked into: \(text.prefix(200))")
            }
            for request in harness.stub.requests {
                let withoutAuthorization = request.headers.filter { $0.name.lowercased() != "authorization" }
                #expect(!"\(withoutAuthorization)".contains(StubHarness.apiKey))
                #expect(!String(decoding: request.body, as: UTF8.self).contains(StubHarness.apiKey))
            }
        }
    }

    @Test func missingKeyNamesTheVariableAndNeedsNoNetwork() throws {
        #expect(throws: SeedanceError.self) { try SeedanceClient.Configuration.fromEnvironment([:]) }
        do {
            _ = try SeedanceClient.Configuration.fromEnvironment(["NOVITA_API_KEY": "  "])
        } catch {
            #expect(error.kind == .missingConfiguration(variable: "NOVITA_API_KEY"))
            #expect(error.description.contains("NOVITA_API_KEY"))
        }
        let configuration = try SeedanceClient.Configuration.fromEnvironment(
            ["NOVITA_API_KEY": "k", "SEEDANCE_BASE_URL": "http://127.0.0.1:9"], baseURL: nil)
        #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:9")
        let overridden = try SeedanceClient.Configuration.fromEnvironment(
            ["NOVITA_API_KEY": "k", "SEEDANCE_BASE_URL": "http://127.0.0.1:9"], baseURL: "https://example.com")
        #expect(overridden.baseURL.absoluteString == "https://example.com")
        #expect(throws: SeedanceError.self) {
            try SeedanceClient.Configuration.fromEnvironment(["NOVITA_API_KEY": "k"], baseURL: "ftp://x")
        }
    }
}
