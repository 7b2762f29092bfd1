import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// A batch item cancelled (a signal, `--timeout`) while its frame is in a worker: the worker is
/// killed and reaped and the item ends cancelled, even when the worker is blocked without using
/// CPU (the injected `hang`: no CPU limit would ever end it).
@Suite struct ContainedCancellationTests {
    @Test func cancellingABatchItemKillsItsBlockedWorker() async throws {
        try await withScratchFolder("contained-cancel") { folder in
            let stuck = folder.appendingPathComponent("stuck.jpg")
            try FileManager.default.copyItem(atPath: TestPaths.fixture("good-first.jpg"), toPath: stuck.path)
            let pool = try FrameWorkerPoolTests.pool(maxWorkers: 1, fault: "hang:stuck")
            let item = BatchPlanItem(
                id: "stuck", line: 1, first: .image(.file(stuck.path)), last: nil, model: .defaultModel,
                parameters: GenerationParameters(["resolution": .string("480p")]),
                output: folder.appendingPathComponent("stuck.mp4").path, estimate: CostEstimate(usd: nil), verdicts: [])
            let preparer = SubmitterPreparer(submitter: try VideoSubmitter(isolation: .contained(pool)))
            let preparing = Task {
                try await preparer.prepare(BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
            }
            // The worker holds the frame (it has started) before the cancellation comes.
            var pids: Set<Int32> = []
            let deadline = ContinuousClock.now + .seconds(120)
            while pids.isEmpty, ContinuousClock.now < deadline {
                await Task.yield()
                pids = await pool.workerProcessIDs
            }
            if pids.isEmpty {
                preparing.cancel()
                await pool.shutdown()
                Issue.record("no worker started within two minutes")
                return
            }
            preparing.cancel()
            await #expect(throws: CancellationError.self) { try await preparing.value }
            #expect(await pool.workerProcessIDs.isEmpty, "the blocked worker was killed and reaped")
            for pid in pids { #expect(FrameWorkerPoolTests.isGone(pid), "worker \(pid)") }
            await pool.shutdown()
        }
    }
}
