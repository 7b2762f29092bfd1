import Foundation
import SeedanceAPI
import SeedanceKit
import Testing

/// The batch plan: each line's fields over the command line's defaults, checked before anything
/// is sent, with frames read from their headers (real libvips) and an estimate per line.
@Suite struct BatchPlannerTests {
    static let videos = URL(fileURLWithPath: "/tmp/batch-planner-videos")

    func plan(_ lines: [ManifestLine], defaults: [String: ManifestValue] = [:]) -> BatchPlan {
        BatchPlanner(defaults: defaults.merging(["prompt": .string("a slow pan")]) { line, _ in line }, outputDirectory: Self.videos).plan(
            Manifest(lines: lines, errors: []))
    }

    func line(_ number: Int, first: String = TestPaths.fixture("good-first.jpg"), _ fields: [String: ManifestValue] = [:]) -> ManifestLine {
        ManifestLine(lineNumber: number, id: "l\(number)", first: first, fields: fields)
    }

    @Test func aLineOverridesTheDefaultsAndTheRestFillIn() throws {
        let result = plan([line(1, ["duration": .text("8")]), line(2)], defaults: ["duration": .integer(6), "resolution": .string("480p")])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.items.map { $0.parameters["duration"] } == [.integer(8), .integer(6)])
        #expect(result.items.allSatisfy { $0.parameters["resolution"] == .string("480p") })
        #expect(result.items[0].output == Self.videos.appendingPathComponent("l1.mp4").path)
    }

    static let badValues: [(String, ManifestValue, ManifestError.Kind)] = [
        ("duration", .integer(99), .invalidValue),
        ("duration", .text("five"), .wrongType),
        ("resolution", .string("4k"), .invalidValue),
        ("ratio", .string("2:1"), .invalidValue),
        ("service_tier", .string("cheap"), .invalidValue),
        ("generate_audio", .text("maybe"), .wrongType),
        ("model", .string("seedance-9"), .invalidValue),
    ]

    @Test(arguments: badValues)
    func aBadValueIsNamedByLineKeyAndValue(_ example: (key: String, value: ManifestValue, kind: ManifestError.Kind)) throws {
        let result = plan([line(3, [example.key: example.value]), line(4)])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.kind == example.kind)
        #expect(error.line == 3)
        #expect(error.key == example.key)
        #expect(result.items.map(\.id) == ["l4"], "the good line stays for --skip-invalid")
    }

    @Test func aMissingOrUnusableFrameIsNamedAndLeftOut() throws {
        let result = plan([line(1, first: "/nonexistent/frame.jpg"), line(2, first: TestPaths.fixture("random-bytes.bin")), line(3)])
        #expect(result.errors.map(\.line) == [1, 2])
        #expect(result.errors.allSatisfy { $0.kind == .unusableFrame && $0.key == "first" })
        #expect(result.errors[0].value?.contains("/nonexistent/frame.jpg") == true)
        #expect(result.onlyFramesUnusable)
        #expect(result.items.map(\.id) == ["l3"])
    }

    @Test func aFrameThatNeedsFixingIsPlannedNotRefused() throws {
        let result = plan([line(1, first: TestPaths.fixture("bad-first-sideways.jpg"))])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let verdict = try #require(result.items.first?.verdicts.first)
        #expect(!verdict.isAcceptable && !verdict.isUnusable)
        #expect(verdict.plan?.isPassThrough == false)
    }

    @Test func twoLinesCannotShareAnOutput() throws {
        var first = line(1)
        first.output = "/tmp/same.mp4"
        var second = line(2)
        second.output = "/tmp/same.mp4"
        let result = plan([first, second])
        #expect(result.errors.map(\.line) == [2])
        #expect(result.errors.first?.key == "output")
    }

    // 864×496 at 24 fps for 5 s is 50,220 tokens; 2.4 USD per million with audio.
    static let estimates: [([String: ManifestValue], Double)] = [
        (["resolution": .string("480p"), "ratio": .string("16:9")], 0.120528),
        (["resolution": .string("480p"), "ratio": .string("16:9"), "service_tier": .string("flex")], 0.060264),
        (["resolution": .string("480p"), "ratio": .string("16:9"), "generate_audio": .bool(false)], 0.060264),
        (["resolution": .string("480p"), "ratio": .string("16:9"), "duration": .integer(10)], 0.241056),
        // adaptive follows the 960×540 first frame: 16:9.
        (["resolution": .string("480p")], 0.120528),
    ]

    @Test(arguments: estimates)
    func theEstimateFollowsSizeDurationTierAndAudio(_ example: (fields: [String: ManifestValue], usd: Double)) throws {
        let result = plan([line(1, example.fields)])
        let usd = try #require(result.items.first?.estimate.usd)
        #expect(abs(usd - example.usd) < 1e-9)
        #expect(result.total.usd.map { abs($0 - example.usd) < 1e-9 } == true)
    }

    @Test func anUnknownPriceMakesTheTotalUnknown() throws {
        let unpriced = try #require(VideoModel.builtIn.first { $0.price == nil }, "a built-in model without a known price")
        let result = BatchPlanner(defaults: ["prompt": .string("p")], model: unpriced, outputDirectory: Self.videos)
            .plan(Manifest(lines: [line(1, ["resolution": .string("480p")])], errors: []))
        #expect(result.items.first?.estimate.isKnown == false)
        #expect(result.total.description == "unknown")
    }
}
