import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// The plan's reading of a frame's header crosses into the worker process with the job: the
/// worker prepares from it instead of reading the header again. The plan's report is marked (a
/// source name no reading of the file gives); a worker that read the header again would lose it.
@Suite struct ContainedInspectOnceTests {
    @Test func aContainedFrameIsPreparedFromThePlansReading() async throws {
        let executable = try #require(TestPaths.executable("seedance"), "build seedance first (swift build --build-tests)")
        let line = ManifestLine(
            lineNumber: 1, id: "l1", first: TestPaths.fixture("bad-first-sideways.jpg"), last: TestPaths.fixture("good-last.jpg"))
        let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], outputDirectory: URL(fileURLWithPath: "/tmp/unused"))
            .plan(Manifest(lines: [line], errors: []))
        var item = try #require(plan.items.first, "\(plan.errors)")
        for index in item.verdicts.indices { item.verdicts[index].report?.source = "read by the plan" }
        let payload = item
        let frames = try await FrameWorkerPool.run(executable: executable, arguments: ["prepare-worker"], maxWorkers: 1) { pool in
            try await SubmitterPreparer(submitter: try VideoSubmitter(model: payload.model, isolation: .contained(pool))).prepare(
                BatchItem(id: payload.id, line: payload.line, payload: payload, output: payload.output, estimatedCostUSD: nil)
            ).frames
        }
        #expect(frames.map { $0.prepared?.before.source } == ["read by the plan", "read by the plan"])
        #expect(frames.first?.prepared?.isPassThrough == false, "the worker still fixed the pixels")
    }
}
