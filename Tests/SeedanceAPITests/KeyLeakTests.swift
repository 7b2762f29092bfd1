import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// The key may travel only in the Authorization header of provider calls.
@Suite struct KeyLeakTests {
    /// Each scenario must produce what is scanned (a submission and its result, or an error;
    /// log lines; store rows), so an empty capture fails instead of passing for lack of text.
    @Test func keyAppearsNowhereButTheAuthorizationHeader() async throws {
        // The harness's read timeout (5 s), not a short one: the hang scenario ends at the timeout
        // whatever its length, and every answered call has time to arrive on a loaded machine
        // (at 300 ms the plain submission timed out during a full run).
        try await StubHarness.run { harness in
            var texts: [String] = []
            let faults: [StubFault?] = [nil, .dropConnection, .error(status: 500, reason: "CREATE_TASK_FAILED"), .hang, .malformedJSON]
            for fault in faults {
                if let fault { harness.stub.inject(fault, on: .submit) }
                do {
                    let submission = try await harness.client.submit(
                        StubHarness.request, inputs: harness.inputs, store: harness.store, allowDuplicate: true)
                    let result = try await harness.client.task(id: submission.taskID)
                    try #require(fault == nil, "\(String(describing: fault)) produced no error to scan")
                    texts += ["\(submission)", "\(result)"]
                } catch let error as SeedanceError {
                    try #require(fault != nil, "the plain submission failed: \(error)")
                    texts += ["\(error)", String(reflecting: error), error.localizedDescription]
                }
            }
            try #require(harness.stub.postCount == faults.count, "every scenario reached the stand-in")
            let invalid = try #require(
                await harness.submissionError(makeRequest(first: FramePayload(role: .first, content: .url("nope"), digest: ""))),
                "an invalid request produced no error to scan")
            texts += ["\(invalid)", String(reflecting: invalid)]
            let configuration = harness.client.configuration
            var dumped = ""
            dump(configuration, to: &dumped)
            texts += ["\(configuration)", String(reflecting: configuration), dumped]
            let logLines = harness.logLines.current
            try #require(!logLines.isEmpty, "the client logged nothing to scan")
            texts += logLines
            // Every file of the store (database, WAL, shared memory), as raw bytes; the rows the
            // scenarios wrote must be in them, or the scan reads nothing.
            let rows = try await harness.store.records(matching: .all)
            try #require(rows.count >= faults.count, "one record per scenario, found \(rows.count)")
            let storeFolder = harness.store.fileURL.deletingLastPathComponent()
            var storeBytes = ""
            for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder.path) {
                storeBytes += String(decoding: try Data(contentsOf: storeFolder.appendingPathComponent(name)), as: UTF8.self)
            }
            try #require(storeBytes.contains(harness.inputs[0].sha256), "the store's files hold the scenarios' rows")
            texts.append(storeBytes)

            for text in texts {
                #expect(!text.contains(StubHarness.apiKey), "key leaked into: \(text.prefix(200))")
            }
            for request in harness.stub.requests {
                let withoutAuthorization = request.headers.filter { $0.name.lowercased() != "authorization" }
                #expect(!"\(withoutAuthorization)".contains(StubHarness.apiKey))
                #expect(!String(decoding: request.body, as: UTF8.self).contains(StubHarness.apiKey))
            }
            try #require(harness.stub.requests.contains { $0.header("Authorization") == "Bearer \(StubHarness.apiKey)" }, "the key was sent at all")
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
