import Foundation
import Testing
@testable import FrameKit

/// The plan is the program: for every kind of step, the steps `fix` ran are the plan's steps, in
/// the plan's order, and that order is the one libvips should run them in.
@Suite struct PlanExecutionTests {
    /// The order the planner promises: shrink-on-load first, then orientation, colour, alpha,
    /// crop or pad, the final resize, encode.
    static func rank(_ action: FixPlan.Action) -> Int {
        switch action {
        case .shrinkOnLoad: 0
        case .firstPage: 1
        case .autorotate: 2
        case .convertToSRGB: 3
        case .flatten: 4
        case .crop, .pad: 5
        case .resize: 6
        case .encode: 7
        }
    }

    static func kind(_ action: FixPlan.Action) -> String {
        String(describing: action).prefix { $0 != "(" }.description
    }

    static let sizes = [VideoTarget.Size(width: 640, height: 360)]

    /// (fixture, options, the kind of step the case is about).
    static let cases: [(String, FixOptions, String)] = [
        ("big-2400x1350.jpg", FixOptions(video: VideoTarget(sizes: sizes, label: "360p")), "shrinkOnLoad"),
        ("animated-3-frames.gif", FixOptions(format: .png), "firstPage"),
        ("orientation-6.jpg", FixOptions(), "autorotate"),
        ("cmyk-no-profile.jpg", FixOptions(), "convertToSRGB"),
        ("alpha.png", FixOptions(format: .jpeg), "flatten"),
        ("bad-last-panorama.png", FixOptions(framing: .crop(.attention)), "crop"),
        ("bad-last-panorama.png", FixOptions(framing: .crop(.entropy)), "crop"),
        ("bad-last-panorama.png", FixOptions(framing: .crop(.centre)), "crop"),
        ("bad-last-panorama.png", FixOptions(framing: .pad(.colour(.black))), "pad"),
        ("bad-last-panorama.png", FixOptions(framing: .pad(.blur)), "pad"),
        ("edge-299x400.png", FixOptions(), "resize"),
        ("good-first.jpg", FixOptions(format: .webp), "encode"),
        // Several at once: rotation, a video aspect crop, the final resize.
        ("orientation-6.jpg", FixOptions(video: VideoTarget(aspect: AspectRatio(width: 16, height: 9), sizes: sizes, label: "360p 16:9")), "crop"),
        ("big-2400x1350.jpg", FixOptions(framing: .pad(.blur), video: VideoTarget(aspect: AspectRatio(width: 1, height: 1), sizes: [.init(width: 400, height: 400)], label: "1:1")), "pad"),
    ]

    @Test(arguments: 0..<PlanExecutionTests.cases.count)
    func stepsRunInPlanOrder(index: Int) throws {
        let (name, options, kind) = Self.cases[index]
        let folder = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input: ImageInput
        if name == "big-2400x1350.jpg" {
            input = .file(try Fixtures.flat(width: 2400, height: 1350, format: "jpg", in: folder))
        } else {
            input = Fixtures.input(name)
        }
        let frame = try FrameFixer(options: options).prepare(input, role: .first)
        let planned = frame.plan.steps.map(\.action)
        #expect(planned.contains { Self.kind($0) == kind }, "\(name): the plan \(planned) has no \(kind) step")
        #expect(frame.steps.map(\.action) == planned, "\(name): ran \(frame.steps.map(\.summary)), planned \(frame.plan.steps.map(\.summary))")
        let ranks = planned.map(Self.rank)
        #expect(ranks == ranks.sorted(), "\(name): \(frame.plan.steps.map(\.summary)) is not in libvips order")
        #expect(frame.width == frame.plan.width && frame.height == frame.plan.height)
        #expect(frame.after.width == frame.plan.width && frame.after.height == frame.plan.height)
    }

    @Test func passThroughRunsNothing() throws {
        let frame = try FrameFixer().prepare(Fixtures.input("good-first.jpg"), role: .first)
        #expect(frame.isPassThrough && frame.steps.isEmpty)
        #expect(frame.inputBytes == frame.outputBytes)
    }

    @Test func theReportStatesInputAndOutputBytes() throws {
        let frame = try FrameFixer(options: FixOptions(format: .png)).prepare(Fixtures.input("good-first.jpg"), role: .first)
        #expect(frame.inputBytes == (try Fixtures.bytes("good-first.jpg")).count)
        #expect(frame.outputBytes == frame.bytes.count && frame.outputBytes == frame.after.bytes)
    }
}
