import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// `--retry-failed` over real runs: what failed is sent again only when asked, exactly once.
@Suite struct BatchRetryCommandTests {
    @Test func anItemRefusedAtCreateIsResentOnlyWithRetryFailedAndOnlyOnce() async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .milliseconds(200), imageValidator: FrameRulesValidator.validate)
        try await BatchCommandHarness.with(configuration) { setup in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(3), to: setup.folder)
            let options = ["--rpm", "600", "--resolution", "480p", "--json"]
            // The first create is refused (a 4xx: no task, nothing paid); the others are accepted.
            setup.stub.inject(.error(status: 400, reason: "ILLEGAL_PROMPT", retryAfter: nil), on: .submit)

            let first = try await setup.batch(manifest, options)
            #expect(first.status == 3, "\(first.standardError.suffix(2000))")
            let summary = try BatchCommandHarness.document(first)
            #expect(summary["status"] as? String == "some_failed")
            #expect(summary["exit_code"] as? Int == 3, "the document names the code the command exits with")
            #expect(summary["items_prepared"] as? Int == 3)
            let refused = try BatchCommandHarness.items(first).filter { $0.value["state"] as? String == "failed" }
            #expect(refused.count == 1)
            let refusedID = try #require(refused.keys.first)
            #expect(setup.stub.postCount == 3)
            #expect(setup.stub.taskCount == 2)

            let again = try await setup.batch(manifest, options)
            #expect(again.status == 3, "without --retry-failed a failed item stays failed: \(again.standardError.suffix(2000))")
            #expect(setup.stub.postCount == 3, "nothing sent again")
            #expect(try BatchCommandHarness.items(again)[refusedID]?["state"] as? String == "failed")

            let retried = try await setup.batch(manifest, options + ["--retry-failed"])
            #expect(retried.status == 0, "\(retried.standardError.suffix(2000))")
            let retriedSummary = try BatchCommandHarness.document(retried)
            #expect(retriedSummary["exit_code"] as? Int == 0)
            #expect(retriedSummary["items_prepared"] as? Int == 1, "only the resent item was prepared")
            #expect((retriedSummary["frames_prepared"] as? Int ?? 0) >= 1)
            #expect((retriedSummary["prepare_seconds"] as? Double ?? 0) > 0)
            #expect(setup.stub.postCount == 4, "the refused item sent once more, nothing else")
            #expect(setup.stub.taskCount == 3)
            #expect(try BatchCommandHarness.items(retried)[refusedID]?["state"] as? String == "downloaded")
            #expect(setup.videos() == ["shot-1.mp4", "shot-2.mp4", "shot-3.mp4"])

            let once = try await setup.batch(manifest, options + ["--retry-failed"])
            #expect(once.status == 0, "\(once.standardError.suffix(2000))")
            #expect(setup.stub.postCount == 4, "a done item is never resent, with or without the flag")
        }
    }

    /// A frame whose header reads fine but whose pixels are cut off passes the plan and fails
    /// while it is prepared: nothing sent. Once the file is whole again, `--retry-failed` sends it.
    @Test func anItemThatFailedBeforeSendingIsResentWithRetryFailed() async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .milliseconds(200), imageValidator: FrameRulesValidator.validate)
        try await BatchCommandHarness.with(configuration) { setup in
            let whole = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("bad-first-sideways.jpg")))
            let frame = setup.folder.appendingPathComponent("sideways.jpg")
            try whole.prefix(whole.count / 2).write(to: frame)
            let lines = [
                "{\"id\": \"cut\", \"first\": \"sideways.jpg\", \"prompt\": \"upright\"}",
                "{\"id\": \"fine\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\", \"prompt\": \"fine\"}",
            ]
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let options = ["--rpm", "600", "--resolution", "480p", "--json"]

            let first = try await setup.batch(manifest, options)
            #expect(first.status == 3, "\(first.standardError.suffix(2000))")
            #expect(try BatchCommandHarness.items(first)["cut"]?["state"] as? String == "failed")
            #expect(setup.stub.postCount == 1, "the cut frame was never sent")

            try whole.write(to: frame)
            let again = try await setup.batch(manifest, options)
            #expect(again.status == 3, "\(again.standardError.suffix(2000))")
            #expect(setup.stub.postCount == 1)

            let retried = try await setup.batch(manifest, options + ["--retry-failed"])
            #expect(retried.status == 0, "\(retried.standardError.suffix(2000))")
            #expect(try BatchCommandHarness.items(retried)["cut"]?["state"] as? String == "downloaded")
            #expect(setup.stub.postCount == 2, "sent once, now that it could be prepared")
            #expect(setup.videos() == ["cut.mp4", "fine.mp4"])
        }
    }
}
