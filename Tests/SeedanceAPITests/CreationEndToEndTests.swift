import Foundation
import Logging
import SeedanceAPI
import SeedanceStore
import SeedanceStub
import TestSupport
import Testing

/// Four real create calls over loopback, each ending a different way, give the four creation
/// values, and `seedance tasks --json` shows each on its record.
@Suite struct CreationEndToEndTests {
    @Test func fourOutcomesGiveFourCreationValues() async throws {
        let refusing = try RefusingPort()
        try await SeedanceStub.with(StubConfiguration(apiKey: StubHarness.apiKey)) { stub in
            try await withScratchFolder("creation") { folder in
                let store = try SQLiteTaskStore(directory: folder.appendingPathComponent("seedance"))
                // One request per outcome (different prompts, so none is the duplicate of another).
                func submit(_ prompt: String, baseURL: URL, apiKey: String = StubHarness.apiKey) async -> SeedanceError? {
                    let configuration = SeedanceClient.Configuration(baseURL: baseURL, apiKey: apiKey, connectTimeout: .seconds(10))
                    let client: SeedanceClient
                    do {
                        client = try SeedanceClient(configuration: configuration, timeSource: fastTimeSource(), logger: Logger(label: "test"))
                    } catch {
                        return error
                    }
                    let failure: SeedanceError?
                    do {
                        _ = try await client.submit(makeRequest(["prompt": .string(prompt)]), store: store)
                        failure = nil
                    } catch {
                        failure = error as? SeedanceError
                    }
                    try? await client.shutdown()
                    return failure
                }

                stub.inject(.error(status: 500, reason: "CREATE_TASK_FAILED"), on: .submit)
                #expect(await submit("after the body, a 500", baseURL: stub.baseURL)?.kind == .outcomeUnknown)
                #expect(await submit("accepted", baseURL: stub.baseURL) == nil)
                let refused = await submit("a bad key", baseURL: stub.baseURL, apiKey: "sk-wrong-0000000000")
                guard case .provider = refused?.kind else {
                    Issue.record("a bad key: \(String(describing: refused))")
                    return
                }
                #expect(await submit("nothing listening", baseURL: refusing.url)?.kind == .unreachable)

                let listing = try await CommandRunner.run(["tasks", "--json"], environment: ["XDG_STATE_HOME": folder.path])
                #expect(listing.status == 0, "\(listing.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
                let tasks = try #require(document["tasks"] as? [[String: Any]])
                #expect(tasks.compactMap { $0["creation"] as? String } == ["unknown", "created", "refused", "not_sent"])
                #expect(tasks.compactMap { $0["state"] as? String } == ["outcome_unknown", "submitted", "refused", "refused"])
                #expect(tasks[1]["task_id"] as? String != nil && tasks[0]["task_id"] == nil)
                #expect(stub.postCount == 3, "the refused port saw nothing; the others one POST each")

                let human = try await CommandRunner.run(["tasks"], environment: ["XDG_STATE_HOME": folder.path])
                let columns = human.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
                #expect(columns.map { $0.count > 2 ? String($0[2]) : "" } == ["unknown", "created", "refused", "not_sent"])
            }
        }
    }
}
