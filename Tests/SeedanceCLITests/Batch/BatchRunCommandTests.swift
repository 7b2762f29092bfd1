import Foundation
import SeedanceAPI
import SeedanceStore
import SeedanceStub
import Testing

/// `seedance batch` sending for real: the built binary as a child process, the stand-in on
/// loopback in this process (it outlives a killed batch), SQLite in a temporary XDG_STATE_HOME.
@Suite(.serialized) struct BatchRunCommandTests {
    static let key = BatchCommandHarness.key

    func withSetup(_ configuration: StubConfiguration, _ body: (BatchCommandHarness) async throws -> Void) async throws {
        try await BatchCommandHarness.with(configuration, body)
    }

    /// Issue 12's crash test. The stand-in allows 10 creates per 20 s window: the 30-per-minute
    /// rate, on a window a third as long so the test stays within a few minutes; `--rpm 30`
    /// with its burst still runs into it, so 429s happen and the limiter has to cope.
    @Test func fiftyLinesKilledPartWayAndResumedPayEveryLineOnce() async throws {
        let configuration = StubConfiguration(
            apiKey: Self.key, taskDuration: .seconds(1), imageValidator: FrameRulesValidator.validate,
            createLimit: .init(creates: 10, window: .seconds(20)))
        try await withSetup(configuration) { setup in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(50), to: setup.folder)
            let options = ["--rpm", "30", "--max-in-flight", "12", "--resolution", "480p", "--json"]
            let started = Date()
            let stub = setup.stub
            // Killed once the store holds 15 task ids and no create is between its intent and its
            // answer: a create cut there is rightly never resent, and could not be downloaded.
            let store = try SQLiteTaskStore(directory: setup.state.appendingPathComponent("seedance"))
            let partWay = Flag()
            let monitor = Task {
                while !Task.isCancelled {
                    let records = (try? await store.records(matching: .all)) ?? []
                    if records.count(where: { $0.taskID != nil }) >= 15, !records.contains(where: { $0.state == .intent }) {
                        partWay.raise()
                        return
                    }
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            let killed = try await setup.batch(manifest, options) { partWay.isRaised }
            monitor.cancel()
            #expect(killed.signal == SIGKILL, "the first run was killed part-way: \(killed.standardError.suffix(2000))")
            let acceptedBeforeKill = stub.taskCount
            #expect(acceptedBeforeKill >= 15 && acceptedBeforeKill < 50)

            let resumed = try await setup.batch(manifest, options)
            let wall = Date().timeIntervalSince(started)
            #expect(resumed.status == 0, "\(resumed.standardError.suffix(4000))")
            #expect(stub.taskCount == 50, "every line paid exactly once: 50 accepted creates")
            #expect(stub.postCount - stub.limitRefusalCount == 50, "every POST beyond the 50 was a 429")
            #expect(setup.videos().count == 50, "every video downloaded")

            let document = try #require(try JSONSerialization.jsonObject(with: Data(resumed.standardOutput.utf8)) as? [String: Any])
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.count == 50)
            #expect(items.allSatisfy { $0["state"] as? String == "downloaded" })
            let taskIDs = Set(items.compactMap { $0["task_id"] as? String })
            #expect(taskIDs.count == 50, "one task per line, none shared")

            let prompts = stub.requests.filter { $0.method == "POST" }.compactMap { request in
                (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any])?["prompt"] as? String
            }
            #expect(Set(prompts).count == 50)
            FileHandle.standardError.write(
                Data(
                    """
                    batch crash test: 50 lines, killed after \(acceptedBeforeKill) accepted creates, resumed; \
                    wall time \(String(format: "%.1f", wall)) s; POSTs \(stub.postCount); 429s \(stub.limitRefusalCount) \
                    (stand-in: 10 creates per 20 s window; --rpm 30)\n
                    """.utf8))
        }
    }

    @Test func twoProcessesOnOneManifestSendNoItemTwice() async throws {
        let configuration = StubConfiguration(apiKey: Self.key, taskDuration: .milliseconds(500), imageValidator: FrameRulesValidator.validate)
        try await withSetup(configuration) { setup in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(12), to: setup.folder)
            let options = ["--rpm", "600", "--max-in-flight", "12", "--resolution", "480p"]
            async let first = setup.batch(manifest, options)
            async let second = setup.batch(manifest, options)
            let (one, two) = try await (first, second)
            #expect(one.status == 0, "\(one.standardError.suffix(2000))")
            #expect(two.status == 0, "\(two.standardError.suffix(2000))")
            #expect(setup.stub.postCount == 12, "each item sent once between the two processes")
            #expect(setup.stub.taskCount == 12)
            #expect(setup.videos().count == 12)
        }
    }

    @Test func theSpendingCapStopsBeforePassingIt() async throws {
        let configuration = StubConfiguration(apiKey: Self.key, taskDuration: .milliseconds(300), imageValidator: FrameRulesValidator.validate)
        try await withSetup(configuration) { setup in
            // Every line costs the same: one frame, one size, one duration.
            let lines = (1...6).map { "{\"id\": \"s\($0)\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\", \"prompt\": \"cap \($0)\"}" }
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let options = ["--resolution", "480p", "--ratio", "16:9", "--duration", "5", "--workers", "1"]
            let plan = try await setup.batch(manifest, options + ["--dry-run", "--json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any])
            let each = try #require((document["items"] as? [[String: Any]])?.first?["estimated_cost_usd"] as? Double)
            let cap = each * 3.5
            let result = try await setup.batch(manifest, options + ["--max-spend", String(cap)])
            #expect(result.status == 7, "\(result.standardError.suffix(2000))")
            #expect(setup.stub.postCount == 3, "three fit under the cap; the fourth would pass it")
            #expect(result.standardError.contains("cap"))
            #expect(setup.videos().count == 3)
        }
    }
}

/// A one-way switch shared between an async monitor and a blocking wait loop.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}
