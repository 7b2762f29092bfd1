import Foundation
import Testing

@testable import FrameKit

/// Fixes run through real libvips; each output is checked by reading its pixels back.
@Suite struct FixTests {
    let fixer = FrameFixer()

    @Test(arguments: ["good-first.jpg", "accepted.png", "accepted.webp", "accepted.gif", "accepted.tif", "accepted.bmp", "alpha.png"])
    func compliantInputsPassThroughByteForByte(name: String) throws {
        let frame = try fixer.prepare(Fixtures.input(name), role: .first)
        #expect(frame.isPassThrough)
        #expect(frame.bytes == (try Fixtures.bytes(name)))
    }

    @Test(arguments: [6, 8, 3, 2])
    func exifOrientationComesOutUprightWithoutTheTag(orientation: Int) throws {
        let original = try DecodedImage(try Fixtures.bytes("orientation-1.jpg"))
        let frame = try fixer.prepare(Fixtures.input("orientation-\(orientation).jpg"), role: .first)
        #expect(frame.after.orientation == 1)
        let swapped = orientation >= 5
        #expect(frame.width == (swapped ? 320 : 400) && frame.height == (swapped ? 400 : 320))
        // The stored top-left pixel must land where the orientation says it is displayed.
        let w = frame.width - 1
        let h = frame.height - 1
        let expected: (Int, Int) =
            switch orientation {
            case 2: (w, 0)
            case 3: (w, h)
            case 6: (w, 0)
            case 8: (0, h)
            default: (0, 0)
            }
        let source = try original.pixel(x: 2, y: 2)
        let output = try DecodedImage(frame.bytes)
        let inset = (expected.0 == 0 ? 2 : expected.0 - 2, expected.1 == 0 ? 2 : expected.1 - 2)
        let landed = try output.pixel(x: inset.0, y: inset.1)
        for band in 0..<3 { #expect(abs(landed[band] - source[band]) < 12, "band \(band): \(landed) vs \(source)") }
    }

    @Test func cmykConvertsThroughItsProfileToSRGB() throws {
        let reference = try DecodedImage(try Fixtures.bytes("accepted.png")).pixel(x: 200, y: 160)
        for name in ["cmyk-with-profile.jpg", "cmyk-no-profile.jpg"] {
            let frame = try fixer.prepare(Fixtures.input(name), role: .first)
            #expect(frame.after.colourSpace == .srgb && frame.after.bands == 3)
            let pixel = try Fixtures.pixel(frame.bytes, x: 200, y: 160)
            for band in 0..<3 { #expect(abs(pixel[band] - reference[band]) < 24, "\(name) band \(band): \(pixel) vs \(reference)") }
        }
    }

    @Test func sixteenBitDoesNotClip() throws {
        let reference = try DecodedImage(try Fixtures.bytes("accepted.png")).pixel(x: 200, y: 160)
        let frame = try FrameFixer(options: FixOptions(format: .jpeg)).prepare(Fixtures.input("rgb16.png"), role: .first)
        #expect(frame.after.bitsPerSample == 8)
        let pixel = try Fixtures.pixel(frame.bytes, x: 200, y: 160)
        for band in 0..<3 {
            #expect(pixel[band] < 250, "clipped: \(pixel)")
            #expect(abs(pixel[band] - reference[band]) < 6)
        }
    }

    @Test func alphaFlattensOntoTheChosenColour() throws {
        let green = RGBColour(red: 0, green: 255, blue: 0)
        let frame = try FrameFixer(options: FixOptions(background: green, format: .jpeg)).prepare(Fixtures.input("alpha.png"), role: .first)
        #expect(!frame.after.hasAlpha)
        let transparentEdge = try Fixtures.pixel(frame.bytes, x: 0, y: 160)
        #expect(transparentEdge[0] < 20 && transparentEdge[1] > 235 && transparentEdge[2] < 20, "\(transparentEdge)")
        let kept = try FrameFixer(options: FixOptions(keepAlpha: true, format: .webp)).prepare(Fixtures.input("alpha.png"), role: .first)
        #expect(kept.after.hasAlpha && kept.format == .webp)
    }

    @Test func heicAndAnimationsBecomeOneAcceptedFrame() throws {
        let heic = try fixer.prepare(Fixtures.input("refused.heic"), role: .first)
        #expect(heic.format == .jpeg && heic.width == 400)
        let gif = try FrameFixer(options: FixOptions(format: .png)).prepare(Fixtures.input("animated-3-frames.gif"), role: .first)
        #expect(gif.after.pageCount == 1 && gif.height == 320)
    }

    @Test func lastFrameMatchesTheFirstWithinOnePixel() throws {
        let frames = try fixer.prepare(first: Fixtures.input("good-first.jpg"), last: Fixtures.input("bad-last-panorama.png"))
        let last = try #require(frames.last)
        #expect(last.width == frames.first.width && last.height == frames.first.height)
        let kept = try FrameFixer(options: FixOptions(lastFrameSize: .keep))
            .prepare(first: Fixtures.input("good-first.jpg"), last: Fixtures.input("bad-last-panorama.png"))
        let keptLast = try #require(kept.last)
        let expectedWidth = Double(keptLast.height) * 960 / 540
        #expect(abs(Double(keptLast.width) - expectedWidth) <= 1)
    }

    @Test func attentionCropKeepsTheOffCentreSubject() throws {
        // The panorama's red disc sits at x = 1380 of 1500; a centre crop of 999 px would lose it.
        let frame = try fixer.prepare(Fixtures.input("bad-last-panorama.png"), role: .first)
        #expect(frame.width == 999 && frame.height == 400)
        let image = try DecodedImage(frame.bytes)
        let red = try stride(from: 0, to: frame.width, by: 8).contains { x in
            let pixel = try image.pixel(x: x, y: 200)
            return pixel[0] > 200 && pixel[1] < 90
        }
        #expect(red)
        let centre = try FrameFixer(options: FixOptions(framing: .crop(.centre))).prepare(Fixtures.input("bad-last-panorama.png"), role: .first)
        let centreImage = try DecodedImage(centre.bytes)
        let centreRed = try stride(from: 0, to: centre.width, by: 8).contains { x in
            let pixel = try centreImage.pixel(x: x, y: 200)
            return pixel[0] > 200 && pixel[1] < 90
        }
        #expect(!centreRed, "the control: a centre crop loses the subject")
    }

    @Test func truncatedPixelDataIsAnErrorNotAGreyFrame() throws {
        do {
            _ = try fixer.prepare(Fixtures.input("truncated.jpg"), role: .first)
            Issue.record("a truncated JPEG must not pass")
        } catch {
            #expect(error.kind == .corruptPixelData)
            #expect(error.message.components(separatedBy: "truncated or corrupt").count == 2, "said once: \(error.message)")
        }
        do {
            _ = try FrameFixer(options: FixOptions(format: .png)).prepare(Fixtures.input("truncated.jpg"), role: .first)
            Issue.record("a truncated JPEG must not be re-encoded")
        } catch {
            #expect(error.kind == .corruptPixelData)
        }
    }

    @Test func everyFixedOutputPassesCheck() async throws {
        try await withScratchFolder("framekit") { folder in
            let sizes = [
                (100, 100), (200, 1000), (7000, 2000), (300, 300), (6000, 6000), (2500, 1000), (1000, 2500),
                (12000, 300), (301, 5999), (50, 2000), (6001, 301),
            ]
            let formats = ["jpg", "png", "webp", "gif", "tif"]
            let checker = RuleChecker()
            for (index, (width, height)) in sizes.enumerated() {
                let format = formats[index % formats.count]
                let path = try await Fixtures.flat(width: width, height: height, format: format, in: folder)
                let variants = [
                    FixOptions(), FixOptions(framing: .pad(.blur)),
                    FixOptions(
                        video: VideoTarget(
                            aspect: AspectRatio(width: 9, height: 16), sizes: [VideoTarget.Size(width: 720, height: 1280)], label: "720p 9:16")),
                ]
                for options in [variants[index % variants.count]] {
                    let frame = try FrameFixer(options: options).prepare(.file(path), role: .first)
                    let after = try FrameInspector().inspect(.bytes(frame.bytes, name: "out"))
                    #expect(
                        checker.findings(for: after).filter { $0.severity == .violation }.isEmpty, "\(width)×\(height) \(format) \(options.framing)")
                    #expect(after.width == frame.plan.width && after.height == frame.plan.height)
                }
            }
        }
    }

    @Test func byteBudgetIsMetOnNoisyPictures() async throws {
        try await withScratchFolder("framekit") { folder in
            let noise = folder.appendingPathComponent("noise.v").path
            try await Fixtures.vips(["gaussnoise", noise, "5000", "4000", "--sigma", "60", "--mean", "128"])
            let rgb = folder.appendingPathComponent("rgb.v").path
            try await Fixtures.vips(["bandjoin", "\(noise) \(noise) \(noise)", rgb])
            let png = folder.appendingPathComponent("noise.png").path
            try await Fixtures.vips(["cast", rgb, png + "[compression=1]", "uchar"])
            let pngFrame = try fixer.prepare(.file(png), role: .first)
            #expect(Policy.seedance.acceptsBytes(pngFrame.bytes.count, format: pngFrame.format))
            #expect(pngFrame.format == .jpeg, "PNG cannot trade quality for size")

            let big = folder.appendingPathComponent("big.v").path
            try await Fixtures.vips(["gaussnoise", big, "5900", "5900", "--sigma", "80", "--mean", "128"])
            let bigRGB = folder.appendingPathComponent("bigrgb.v").path
            try await Fixtures.vips(["bandjoin", "\(big) \(big) \(big)", bigRGB])
            let jpeg = folder.appendingPathComponent("q100.jpg").path
            try await Fixtures.vips(["cast", bigRGB, jpeg + "[Q=100]", "uchar"])
            let jpegFrame = try fixer.prepare(.file(jpeg), role: .first)
            #expect(Policy.seedance.acceptsBytes(jpegFrame.bytes.count, format: .jpeg))
            #expect(!jpegFrame.isPassThrough)
        }
    }
}
