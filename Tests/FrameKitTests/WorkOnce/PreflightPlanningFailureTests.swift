import Foundation
import Testing

@testable import FrameKit

/// `check` says what `fix` would do; when `fix` cannot plan the frame, `check` says that too,
/// instead of reporting a repairable frame with no plan.
@Suite struct PreflightPlanningFailureTests {
    @Test func aFrameThePlannerRefusesIsUnusableInTheCheck() throws {
        // 2500×1000 is at the aspect limit (a fixable violation); padding it needs a canvas over
        // this pixel limit, which the image itself is under.
        var policy = Policy.seedance
        policy.maxPixels = 2_501_000
        let options = FixOptions(framing: .pad(.colour(RGBColour(red: 0, green: 0, blue: 0))))
        let input = ImageInput.file(Fixtures.path("edge-2500x1000.png"))
        #expect(throws: FrameError.self, "fix refuses it") { try FrameFixer(policy: policy, options: options).prepare(input, role: .first) }
        let verdict = try #require(FramePreflight(policy: policy, options: options).check(first: input, last: nil).first)
        #expect(verdict.plan == nil)
        #expect(verdict.isUnusable, "\(verdict.findings)")
        #expect(verdict.violations.contains { !$0.fixable && $0.message.contains("too extreme to pad") }, "\(verdict.findings)")
    }

    @Test func theCheckKeepsTheHeaderWarningsForLaterSteps() throws {
        let input = ImageInput.file(Fixtures.path("good-first.jpg"))
        let verdict = try #require(FramePreflight().check(first: input, last: nil).first)
        let header = try #require(verdict.header)
        let (frame, reinspected) = try FrameInspector().inspectFrame(input, knownHeader: header)
        #expect(!reinspected && frame.report == verdict.report)
    }
}
