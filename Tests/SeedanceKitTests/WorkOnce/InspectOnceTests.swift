import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// A batch reads each local frame's header once: the plan's reading goes to the preparer. The
/// plan's report is marked (a source name no reading of the file gives): a frame prepared from a
/// second reading would not carry the mark.
@Suite struct InspectOnceTests {
    static let mark = "read by the plan"

    static func planItem(first: String, last: String? = nil) throws -> BatchPlanItem {
        let line = ManifestLine(lineNumber: 1, id: "l1", first: first, last: last, fields: [:])
        let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], outputDirectory: URL(fileURLWithPath: "/tmp/unused"))
            .plan(Manifest(lines: [line], errors: []))
        return try #require(plan.items.first, "\(plan.errors)")
    }

    static func marked(_ item: BatchPlanItem) -> BatchPlanItem {
        var item = item
        for index in item.verdicts.indices {
            let role = item.verdicts[index].role
            item.verdicts[index].report?.source = "\(mark) (\(role.rawValue))"
        }
        return item
    }

    static func prepare(_ item: BatchPlanItem, isolation: FramePreparationIsolation = .inProcess) async throws -> PreparedBatchRequest {
        try await SubmitterPreparer(submitter: try VideoSubmitter(model: item.model, isolation: isolation)).prepare(
            BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
    }

    @Test func eachLocalFrameIsPreparedFromThePlansReading() async throws {
        let item = Self.marked(try Self.planItem(first: TestPaths.fixture("bad-first-sideways.jpg"), last: TestPaths.fixture("good-last.jpg")))
        #expect(item.verdicts.count == 2)
        let prepared = try await Self.prepare(item)
        #expect(prepared.frames.map { $0.prepared?.before.source } == ["\(Self.mark) (first)", "\(Self.mark) (last)"])
        // The reading is the header only: the frames are still fixed from the file's pixels.
        let first = try #require(prepared.frames.first?.prepared)
        #expect(!first.isPassThrough && first.after.orientation == 1)
    }

    @Test func aFileChangedSinceThePlanIsReadAgain() async throws {
        try await withScratchFolder("inspect-once") { folder in
            let path = folder.appendingPathComponent("frame.png").path
            try FileManager.default.copyItem(atPath: TestPaths.fixture("accepted.png"), toPath: path)
            let item = Self.marked(try Self.planItem(first: path))
            // Replaced after the plan by another image of another size: the plan's facts no longer hold.
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: TestPaths.fixture("alpha.png"), toPath: path)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let before = try #require(try await Self.prepare(item).frames.first?.prepared?.before)
            #expect(before.source == path && before.bytes == size, "\(before)")
        }
    }

    @Test func theJobCarriesTheReadingAcrossItsCodableForm() throws {
        let inspected = try #require(FramePreflight().check(first: .file(TestPaths.fixture("good-first.jpg")), last: nil).first?.header)
        let job = try FramePreparationJob(
            input: .file(TestPaths.fixture("good-first.jpg")), policy: .seedance, options: FixOptions(), role: .first, header: inspected)
        let decoded = try JSONDecoder().decode(FramePreparationJob.self, from: JSONEncoder().encode(job))
        #expect(decoded.header == inspected, "a worker process starts from the same reading")
    }
}
