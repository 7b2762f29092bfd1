import Foundation
import SeedanceAPI
import SeedanceKit
import SeedanceStore
import SeedanceStub
import Testing

/// A batch killed with SIGKILL while it holds claims on items it has not sent: the next run
/// takes them over at once (their owner is dead, though their lease has not run out) and sends
/// each exactly once.
@Suite struct BatchClaimCrashCommandTests {
    @Test func itemsClaimedByAKilledRunAreSentByTheNextOne() async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .milliseconds(200), imageValidator: FrameRulesValidator.validate)
        try await BatchCommandHarness.with(configuration) { setup in
            let lines = (1...3).map { "{\"id\": \"c\($0)\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\", \"prompt\": \"claim \($0)\"}" }
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let batchID = StoreBatchLedger.batchID(forManifestAt: URL(fileURLWithPath: manifest))
            let store = try SQLiteTaskStore(directory: setup.state.appendingPathComponent("seedance"))
            // One create a minute: the first goes at once, the next waits its token, claimed and
            // prepared but with no intent. That is when it is killed.
            let claimedUnsent = Flag()
            let monitor = Task {
                while !Task.isCancelled {
                    let items = (try? await store.items(ofBatch: batchID)) ?? []
                    let records = (try? await store.records(matching: .all)) ?? []
                    if records.contains(where: { $0.taskID != nil }), !records.contains(where: { $0.state == .intent }),
                        items.contains(where: { $0.state == .claimed && $0.intentID == nil })
                    {
                        claimedUnsent.raise()
                        return
                    }
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            let killed = try await setup.batch(manifest, ["--rpm", "1", "--resolution", "480p"], timeout: 120) { claimedUnsent.isRaised }
            monitor.cancel()
            #expect(killed.signal == SIGKILL, "killed while holding a claim: \(killed.standardError.suffix(2000))")
            let before = try await store.items(ofBatch: batchID)
            let held = before.filter { $0.state == .claimed && $0.intentID == nil }
            #expect(!held.isEmpty)
            #expect(held.allSatisfy { ($0.leaseUntil ?? .distantPast) > Date() }, "their leases still run: only the owner's death frees them")
            #expect(setup.stub.postCount == 1)

            let resumed = try await setup.batch(manifest, ["--rpm", "600", "--resolution", "480p", "--json"])
            #expect(resumed.status == 0, "\(resumed.standardError.suffix(2000))")
            let states = try BatchCommandHarness.items(resumed).mapValues { $0["state"] as? String }
            #expect(states == ["c1": "downloaded", "c2": "downloaded", "c3": "downloaded"], "none left as held by another process")
            #expect(setup.stub.postCount == 3, "each item sent exactly once over both runs")
            #expect(setup.stub.taskCount == 3)
            #expect(setup.videos().count == 3)
        }
    }
}
