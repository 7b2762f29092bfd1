import Foundation
import SeedanceStub
import Testing

/// A 429 pauses every worker for the provider's Retry-After. Counted, not timed: the stand-in
/// allows 3 creates per 20 s and answers the 4th with the seconds until its window frees.
/// Honoured, the first pause lasts until then and at most one more 429 follows (a create
/// that lands while the first burst's later creates are still in the window). Ignored (the old
/// 5, 10, 20 s backoff), the 2nd and 3rd tries still fall inside the window: 3 or more 429s.
@Suite struct BatchRateLimitCommandTests {
    @Test func aFourTwentyNinePausesForItsRetryAfter() async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .milliseconds(200), imageValidator: FrameRulesValidator.validate,
            createLimit: .init(creates: 3, window: .seconds(20)))
        try await BatchCommandHarness.with(configuration) { setup in
            // Frames that need no fix, so the first three creates go out within a second or two.
            let lines = (1...6).map { "{\"id\": \"r\($0)\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\", \"prompt\": \"limit \($0)\"}" }
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let result = try await setup.batch(manifest, ["--rpm", "600", "--max-in-flight", "6", "--resolution", "480p"])
            #expect(result.status == 0, "\(result.standardError.suffix(2000))")
            #expect(setup.stub.taskCount == 6)
            #expect(setup.videos().count == 6)
            let refusals = setup.stub.limitRefusalCount
            #expect(refusals >= 1, "the limit was reached")
            #expect(refusals <= 2, "Retry-After honoured: \(refusals) 429s")
            #expect(setup.stub.postCount == 6 + refusals)
            FileHandle.standardError.write(Data("rate-limit test: 6 creates, 3 per 20 s allowed: \(refusals) 429(s)\n".utf8))
        }
    }
}
