import Testing

@testable import FrameKit

@Suite struct FixPlannerTests {
    static func report(
        _ width: Int, _ height: Int, format: ImageFormat = .jpeg, bytes: Int = 100_000,
        orientation: Int = 1, colour: ColourSpace = .srgb, alpha: Bool = false
    ) -> ImageReport {
        let swap = orientation >= 5
        return ImageReport(
            source: "t", format: format, declaredType: nil, width: width, height: height,
            storedWidth: swap ? height : width, storedHeight: swap ? width : height, bytes: bytes,
            payloadBytes: Policy.payloadBytes(forFileBytes: bytes, format: format), orientation: orientation,
            colourSpace: colour, bitsPerSample: 8, bands: alpha ? 4 : 3, hasAlpha: alpha, pageCount: 1,
            hasICCProfile: false, isInterlaced: false, isDecodable: true)
    }

    func summaries(_ report: ImageReport, options: FixOptions = FixOptions(), matching target: FixPlanner.Target? = nil) throws -> [String] {
        try FixPlanner(options: options).plan(for: report, matching: target).steps.map(\.summary)
    }

    @Test(arguments: [
        (1280, 720, [String]()),
        (299, 400, ["resize to 301×403", "encode jpeg"]),
        (6000, 3000, ["resize to 5999×3000", "encode jpeg"]),
        (8000, 6000, ["resize to 5999×4499", "encode jpeg"]),
        (2500, 1000, ["crop 2499×1000 (attention)", "encode jpeg"]),
        (1000, 2500, ["crop 1000×2499 (attention)", "encode jpeg"]),
        (10000, 300, ["crop 749×300 (attention)", "resize to 751×301", "encode jpeg"]),
        (20000, 2000, ["crop 4999×2000 (attention)", "encode jpeg"]),
    ])
    func geometryIsTheSmallestChange(width: Int, height: Int, expected: [String]) throws {
        #expect(try summaries(Self.report(width, height)) == expected)
    }

    @Test func everyPlannedSizePassesTheRules() throws {
        let policy = Policy.seedance
        for width in stride(from: 50, through: 20000, by: 997) {
            for height in stride(from: 50, through: 20000, by: 1013) {
                for framing in [FixOptions.Framing.crop(.centre), .pad(.blur)] {
                    let plan = try FixPlanner(options: FixOptions(framing: framing)).plan(for: Self.report(width, height))
                    #expect(policy.acceptsSide(plan.width) && policy.acceptsSide(plan.height), "\(width)×\(height) → \(plan.width)×\(plan.height)")
                    #expect(policy.acceptsAspect(width: plan.width, height: plan.height), "\(width)×\(height) → \(plan.width)×\(plan.height)")
                }
            }
        }
    }

    @Test func padAddsBarsInsteadOfCropping() throws {
        let steps = try summaries(Self.report(2500, 1000), options: FixOptions(framing: .pad(.colour(.black))))
        #expect(steps == ["pad to 2500×1001 (#000000)", "encode jpeg"])
    }

    @Test func reencodeOnlyForAReason() throws {
        #expect(try summaries(Self.report(1280, 720, orientation: 6)) == ["autorotate (orientation 6)", "encode jpeg"])
        #expect(try summaries(Self.report(1280, 720, format: .heif)) == ["encode jpeg"])
        #expect(try summaries(Self.report(1280, 720, bytes: 25_000_000)) == ["encode jpeg"])
        #expect(try summaries(Self.report(1280, 720, colour: .cmyk)) == ["convert cmyk 8-bit to 8-bit sRGB", "encode jpeg"])
        #expect(try summaries(Self.report(1280, 720, format: .png, alpha: true)) == [], "alpha alone is no reason")
        #expect(try summaries(Self.report(1280, 720, format: .bmp, bytes: 25_000_000)) == ["encode jpeg"])
    }

    @Test func alphaIsFlattenedUnlessKept() throws {
        let report = Self.report(200, 200, format: .png, alpha: true)
        #expect(try summaries(report) == ["flatten onto #ffffff", "resize to 301×301", "encode png"])
        let kept = try FixPlanner(options: FixOptions(keepAlpha: true)).plan(for: report)
        #expect(kept.keepsAlpha && kept.format == .png)
        let jpeg = try FixPlanner(options: FixOptions(keepAlpha: true)).plan(for: Self.report(200, 200, format: .webp, alpha: true))
        #expect(jpeg.format == .webp && jpeg.keepsAlpha)
    }

    @Test func lastFrameMatchesTheFirst() throws {
        let target = FixPlanner.Target(width: 1280, height: 720)
        #expect(try summaries(Self.report(1000, 1000), matching: target) == ["crop 1000×563 (attention)", "resize to 1280×720", "encode jpeg"])
        #expect(try summaries(Self.report(1280, 720), matching: target) == [])
        let keep = FixOptions(lastFrameSize: .keep)
        #expect(try summaries(Self.report(1000, 1000), options: keep, matching: target) == ["crop 1000×563 (attention)", "encode jpeg"])
    }

    @Test func videoFramingCropsAndScalesForTheOutput() throws {
        let options = FixOptions(
            video: VideoTarget(
                aspect: AspectRatio(width: 16, height: 9),
                sizes: [VideoTarget.Size(width: 1280, height: 720)], label: "720p 16:9"))
        #expect(
            try summaries(Self.report(4000, 3000), options: options)
                == ["shrink on load to 1/2", "crop 4000×2250 (attention)", "resize to 1280×720", "encode jpeg"])
        #expect(
            try summaries(Self.report(4000, 3000, format: .png), options: options)
                == ["crop 4000×2250 (attention)", "resize to 1280×720", "encode png"], "PNG has no shrink-on-load")
        let sizes480p = [(864, 496), (752, 560), (640, 640), (560, 752), (496, 864), (992, 432)].map { VideoTarget.Size(width: $0.0, height: $0.1) }
        let small = FixOptions(video: VideoTarget(sizes: sizes480p, label: "480p"))
        // Never below what the rules require.
        let plan = try FixPlanner(options: small).plan(for: Self.report(3000, 300 * 10))
        #expect(plan.width == 640 && plan.height == 640)
    }

    @Test func unusableReportsCannotBePlanned() {
        var report = Self.report(400, 400, format: .svg)
        report.isDecodable = false
        #expect(throws: FrameError.self) { try FixPlanner().plan(for: report) }
        #expect(throws: FrameError.self) { try FixPlanner().plan(for: Self.report(30000, 30000)) }
    }
}

@Suite struct OutputFormatTests {
    @Test func largePhotographicPNGGoesStraightToJPEG() throws {
        // 8000×6000 PNG of 86 MB scaled to 5999×4499 would be about 48 MB as PNG.
        let big = FixPlannerTests.report(8000, 6000, format: .png, bytes: 86_000_000)
        let plan = try FixPlanner().plan(for: big)
        #expect(plan.format == .jpeg)
        #expect(plan.steps.last?.reason.contains("PNG") == true)
        // A small PNG that needs a resize stays PNG.
        let small = FixPlannerTests.report(200, 200, format: .png, bytes: 50_000)
        #expect(try FixPlanner().plan(for: small).format == .png)
        // Asked for PNG, or keeping alpha: the user's choice stands.
        #expect(try FixPlanner(options: FixOptions(format: .png)).plan(for: big).format == .png)
        let alpha = FixPlannerTests.report(8000, 6000, format: .png, bytes: 86_000_000, alpha: true)
        #expect(try FixPlanner(options: FixOptions(keepAlpha: true)).plan(for: alpha).format == .png)
    }
}
