import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// A line is fixed by the rules the plan checked it against: a caller's rules for a line's own
/// model (the command line's overrides) reach the preparer, never the model's bare rules instead.
@Suite struct PlanRulesCarriedTests {
    static func preparedWidth(sideBelow: Int?) async throws -> Int {
        let line = ManifestLine(
            lineNumber: 1, id: "l1", first: TestPaths.fixture("good-first.jpg"), fields: ["model": .string("seedance-2.0")])
        let planner = BatchPlanner(
            defaults: ["prompt": .string("a slow pan")], outputDirectory: URL(fileURLWithPath: "/tmp/unused")
        ) { model throws(ModelFileError) in
            var policy = try ModelCatalog.policy(for: model)
            if let sideBelow { policy.sideBelow = sideBelow }
            return policy
        }
        let item = try #require(planner.plan(Manifest(lines: [line], errors: [])).items.first)
        #expect(item.model.name == "seedance-2.0")
        let prepared = try await SubmitterPreparer(submitter: try VideoSubmitter()).prepare(
            BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
        return try #require(prepared.frames.first).width
    }

    @Test func theCallersRulesForALinesModelReachThePreparer() async throws {
        let own = try await Self.preparedWidth(sideBelow: nil)
        #expect(own >= 500, "the model's own rules keep this frame at \(own) px")
        let overridden = try await Self.preparedWidth(sideBelow: 500)
        #expect(overridden < 500, "fixed by the plan's rules (each side below 500), not the model's bare ones: \(overridden) px")
    }
}
