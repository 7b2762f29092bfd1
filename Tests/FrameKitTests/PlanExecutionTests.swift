import Foundation
import Testing

@testable import FrameKit

/// The plan is the program: for every kind of step, the output shows the step's effect (its
/// size, its crop or pad as libvips made it, its orientation, colour, alpha, pages, format),
/// and the plan's order is the one libvips should run them in. What the renderer records as run
/// is not evidence: it records each step after applying it, even one that changed nothing.
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
        (
            "big-2400x1350.jpg",
            FixOptions(
                framing: .pad(.blur),
                video: VideoTarget(aspect: AspectRatio(width: 1, height: 1), sizes: [.init(width: 400, height: 400)], label: "1:1")), "pad"
        ),
    ]

    @Test(arguments: 0..<PlanExecutionTests.cases.count)
    func stepsRunInPlanOrder(index: Int) async throws {
        let (name, options, kind) = Self.cases[index]
        try await withScratchFolder("framekit") { folder in
            let input: ImageInput
            if name == "big-2400x1350.jpg" {
                input = .file(try await Fixtures.flat(width: 2400, height: 1350, format: "jpg", in: folder))
            } else {
                input = Fixtures.input(name)
            }
            let frame = try FrameFixer(options: options).prepare(input, role: .first)
            let planned = frame.plan.steps.map(\.action)
            #expect(planned.contains { Self.kind($0) == kind }, "\(name): the plan \(planned) has no \(kind) step")
            let ranks = planned.map(Self.rank)
            #expect(ranks == ranks.sorted(), "\(name): \(frame.plan.steps.map(\.summary)) is not in libvips order")
            // The bytes themselves, decoded: the plan's size.
            let output = try DecodedImage(frame.bytes)
            #expect((output.width, output.height) == (frame.plan.width, frame.plan.height), "\(name): \(output.width)×\(output.height)")
            for action in planned {
                let problems = Self.effectMissing(action, in: frame)
                #expect(problems.isEmpty, "\(name): \(Self.kind(action)): \(problems.joined(separator: "; "))")
            }
            if case .file(let path) = input {
                let problems = try Self.pixelsMissing(in: frame, output: output, source: path)
                #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
            }
            if !planned.contains(where: { if case .crop = $0 { true } else { false } }) {
                #expect(!frame.geometry.isCropped, "\(name): nothing planned a crop, yet \(frame.geometry.keptRegion) was kept")
            }
        }
    }

    /// What the output must show when `action` ran; empty when it does.
    static func effectMissing(_ action: FixPlan.Action, in frame: PreparedFrame) -> [String] {
        let after = frame.after
        let geometry = frame.geometry
        var problems: [String] = []
        func require(_ holds: Bool, _ problem: @autoclosure () -> String) { if !holds { problems.append(problem()) } }
        switch action {
        case .shrinkOnLoad, .resize:
            // The decoded size is checked for every case; a resize is the last change of size.
            break
        case .firstPage:
            require(after.pageCount == 1, "\(after.pageCount) pages left")
        case .autorotate:
            require(after.orientation == 1, "orientation \(after.orientation) left")
            require(
                (geometry.sourceWidth, geometry.sourceHeight) == (frame.before.width, frame.before.height),
                "the picture was not turned upright: source \(geometry.sourceWidth)×\(geometry.sourceHeight)")
        case .convertToSRGB:
            require(after.colourSpace == .srgb && after.bitsPerSample == 8, "\(after.colourSpace) \(after.bitsPerSample)-bit")
        case .flatten:
            require(!after.hasAlpha, "alpha left")
        case .crop(let width, let height, _):
            // In the original's pixels; a shrink-on-load scale may round a pixel either way.
            let kept = geometry.keptRegion
            require(geometry.isCropped, "nothing was cropped")
            require(abs(kept.width - width) <= 2 && abs(kept.height - height) <= 2, "kept \(kept), planned \(width)×\(height)")
        case .pad(let width, let height, _):
            require(geometry.isPadded, "nothing was added")
            let planned = Double(width) / Double(height)
            let made = Double(after.width) / Double(after.height)
            require(abs(planned - made) < 0.01, "aspect \(made), planned \(width)×\(height)")
        case .encode(let format):
            let changed = frame.steps.contains { if case .encode = $0.action { $0.action != action } else { false } }
            require(after.format == format || changed, "\(after.format.rawValue), planned \(format.rawValue)")
        }
        return problems
    }

    /// What a crop or a colour pad must show in the output's decoded pixels, not in what the
    /// renderer recorded: a crop at full scale into a lossless format keeps the original's pixels
    /// at an offset (a skipped crop squeezed by the resize would not); a colour pad fills the
    /// added bands with its colour.
    static func pixelsMissing(in frame: PreparedFrame, output: DecodedImage, source path: String) throws -> [String] {
        let actions = frame.steps.map(\.action)
        let scaled = actions.contains {
            switch $0 {
            case .resize, .shrinkOnLoad, .autorotate: true
            default: false
            }
        }
        var problems: [String] = []
        for action in actions {
            switch action {
            case .crop where frame.format == .png && !scaled:
                let original = try DecodedImage(Data(contentsOf: URL(fileURLWithPath: path)))
                let kept = frame.geometry.keptRegion
                let samples = [(0, 0), (output.width - 1, output.height - 1), (output.width / 2, output.height / 2), (output.width / 3, 7)]
                for (x, y) in samples {
                    guard try output.pixel(x: x, y: y) != original.pixel(x: kept.x + x, y: kept.y + y) else { continue }
                    problems.append("output (\(x), \(y)) is not the original's (\(kept.x + x), \(kept.y + y)): no crop at \(kept)")
                }
            case .pad(_, _, .colour(let colour)):
                let fill = [Double(colour.red), Double(colour.green), Double(colour.blue)]
                let picture = try #require(frame.geometry.placement, "a pad placed the picture somewhere")
                // The middle of each band the pad added, beside the picture.
                var bands: [(Int, Int)] = []
                if picture.y > 0 { bands.append((output.width / 2, picture.y / 2)) }
                if picture.maxY < output.height { bands.append((output.width / 2, (picture.maxY + output.height) / 2)) }
                if picture.x > 0 { bands.append((picture.x / 2, output.height / 2)) }
                if picture.maxX < output.width { bands.append(((picture.maxX + output.width) / 2, output.height / 2)) }
                if bands.isEmpty { problems.append("no band was added around \(picture)") }
                for (x, y) in bands {
                    let pixel = try output.pixel(x: x, y: y)
                    if Array(pixel.prefix(3)) != fill { problems.append("output (\(x), \(y)) is \(pixel), not the fill \(fill)") }
                }
            default:
                break
            }
        }
        return problems
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
