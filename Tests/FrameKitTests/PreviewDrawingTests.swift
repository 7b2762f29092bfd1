import Foundation
import Testing

@testable import FrameKit

/// Real libvips, real files: the geometry a fix records is the crop libvips made (every smart-crop
/// strategy), and the preview draws it where it is: the outline on the kept rectangle, a pad's
/// shading on the added area, nothing on a frame sent as is.
@Suite struct PreviewDrawingTests {
    static let outline = PreviewStyle().outline
    static let hatching = [PreviewStyle().padTint, PreviewStyle().padHatch]

    /// 3000×1000: a grey sawtooth (edges every 251 px, no two columns alike mod 251) with a red
    /// disc on the right, so each crop strategy lands somewhere of its own.
    static func panorama(in folder: URL) async throws -> String {
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        try await Fixtures.vips(["xyz", file("xy.v"), "3000", "1000"])
        try await Fixtures.vips(["remainder_const", file("xy.v"), file("r.v"), "251"])
        try await Fixtures.vips(["bandmean", file("r.v"), file("m.v")])
        try await Fixtures.vips(["bandjoin", "\(file("m.v")) \(file("m.v")) \(file("m.v"))", file("g.v")])
        try await Fixtures.vips(["cast", file("g.v"), file("c.v"), "uchar"])
        try await Fixtures.vips(["draw_circle", file("c.v"), "255 0 0", "2500", "500", "150", "--fill"])
        try await Fixtures.vips(["copy", file("c.v"), file("panorama.png")])
        return file("panorama.png")
    }

    static func isOutline(_ pixel: [Double]) -> Bool {
        pixel.count >= 3 && pixel[0] == Double(outline.red) && pixel[1] == Double(outline.green) && pixel[2] == Double(outline.blue)
    }

    static func isHatching(_ pixel: [Double]) -> Bool {
        hatching.contains { pixel.count >= 3 && pixel[0] == Double($0.red) && pixel[1] == Double($0.green) && pixel[2] == Double($0.blue) }
    }

    /// 4:3 with no sizes: the crop runs at full scale and PNG is lossless, so every pixel sent
    /// must be the original's pixel at the recorded offset.
    @Test(arguments: FixOptions.CropStrategy.allCases)
    func theRecordedRegionIsTheCropLibvipsMade(_ strategy: FixOptions.CropStrategy) async throws {
        try await withScratchFolder("framekit") { folder in
            let path = try await Self.panorama(in: folder)
            let video = VideoTarget(aspect: AspectRatio(width: 4, height: 3), label: "4:3")
            let frame = try FrameFixer(options: FixOptions(framing: .crop(strategy), video: video)).prepare(.file(path), role: .first)
            let kept = frame.geometry.keptRegion
            #expect(frame.geometry.isCropped && !frame.geometry.isPadded)
            #expect((kept.width, kept.height) == (1333, 1000) && (frame.width, frame.height) == (1333, 1000), "\(kept)")
            if strategy == .centre { #expect(kept.x == (3000 - 1333) / 2) }
            let original = try DecodedImage(Data(contentsOf: URL(fileURLWithPath: path)))
            let sent = try DecodedImage(frame.bytes)
            for (x, y) in [(0, 0), (1332, 0), (0, 999), (1332, 999), (666, 500), (250, 251), (1000, 37)] {
                #expect(try sent.pixel(x: x, y: y) == original.pixel(x: kept.x + x, y: kept.y + y), "(\(x), \(y)) of \(kept)")
            }
        }
    }

    /// A JPEG decoded at 1/4 (shrink-on-load) still reports its crop in full-size pixels.
    @Test func aShrunkDecodeReportsTheRegionAtFullSize() async throws {
        try await withScratchFolder("framekit") { folder in
            let jpeg = folder.appendingPathComponent("wide.jpg").path
            try await Fixtures.vips(["resize", try await Self.panorama(in: folder), jpeg + "[Q=90]", "2"])
            let video = VideoTarget(aspect: AspectRatio(width: 4, height: 3), sizes: [.init(width: 640, height: 480)], label: "480p 4:3")
            let frame = try FrameFixer(options: FixOptions(framing: .crop(.centre), video: video)).prepare(.file(jpeg), role: .first)
            #expect(frame.plan.steps.contains { if case .shrinkOnLoad = $0.action { true } else { false } }, "\(frame.plan.steps.map(\.summary))")
            let kept = frame.geometry.keptRegion
            #expect((frame.geometry.sourceWidth, frame.geometry.sourceHeight) == (6000, 2000))
            #expect(abs(kept.height - 2000) <= 4 && abs(kept.width - 2667) <= 8, "\(kept)")
            #expect(abs(kept.x - (6000 - kept.width) / 2) <= 4, "\(kept)")
            #expect((frame.geometry.outputWidth, frame.geometry.outputHeight) == (frame.width, frame.height))
        }
    }

    @Test func theOutlineLiesOnTheKeptRectangle() async throws {
        try await withScratchFolder("framekit") { folder in
            let path = try await Self.panorama(in: folder)
            let video = VideoTarget(aspect: AspectRatio(width: 16, height: 9), label: "16:9")
            let frame = try FrameFixer(options: FixOptions(video: video)).prepare(.file(path), role: .first)
            let panel = try FramePreview().annotatedOriginal(of: .file(path), geometry: frame.geometry, maxWidth: 600, maxHeight: 400)
            #expect((panel.width, panel.height) == (600, 200))
            let outline = try #require(panel.outline)
            #expect(outline == frame.geometry.keptRegion.scaled(from: 3000, 1000, to: 600, 200))
            let midX = outline.x + outline.width / 2
            let midY = outline.y + outline.height / 2
            for (x, y) in [
                (outline.x, midY), (outline.maxX - 1, midY), (midX, outline.y), (midX, outline.maxY - 1),
                (outline.x + 1, midY), (outline.maxX - 2, midY),
            ] {
                #expect(Self.isOutline(try panel.pixel(x: x, y: y)), "(\(x), \(y)) on \(outline)")
            }
            for (x, y) in [
                (outline.x + 6, midY), (outline.maxX - 7, midY), (midX, outline.y + 6), (midX, outline.maxY - 7),
                (outline.x - 4, midY), (outline.maxX + 3, midY),
            ] where x >= 0 && x < panel.width {
                #expect(!Self.isOutline(try panel.pixel(x: x, y: y)), "(\(x), \(y)) off \(outline)")
            }
        }
    }

    @Test func aPadsShadingCoversExactlyTheAddedArea() async throws {
        try await withScratchFolder("framekit") { folder in
            let path = folder.appendingPathComponent("grey.png").path
            try await Fixtures.vips(["black", folder.appendingPathComponent("b.v").path, "3000", "1000", "--bands", "3"])
            try await Fixtures.vips(["linear", folder.appendingPathComponent("b.v").path, path, "1", "128", "--uchar"])
            let video = VideoTarget(aspect: AspectRatio(width: 16, height: 9), label: "16:9")
            let frame = try FrameFixer(options: FixOptions(framing: .pad(.colour(.black)), video: video)).prepare(.file(path), role: .first)
            let placement = try #require(frame.geometry.placement)
            #expect(placement == PixelRect(x: 0, y: 344, width: 3000, height: 1000) && (frame.width, frame.height) == (3000, 1688))
            // The frame as sent: the picture where the geometry says, the fill around it.
            let sent = try DecodedImage(frame.bytes)
            #expect(try sent.pixel(x: 10, y: placement.y) == [128, 128, 128] && sent.pixel(x: 10, y: placement.maxY - 1) == [128, 128, 128])
            #expect(try sent.pixel(x: 10, y: placement.y - 1) == [0, 0, 0] && sent.pixel(x: 10, y: placement.maxY) == [0, 0, 0])

            let panel = try FramePreview().annotatedOriginal(of: .file(path), geometry: frame.geometry, maxWidth: 480, maxHeight: 360)
            let picture = try #require(panel.picture)
            #expect(panel.outline == nil && (panel.width, panel.height) == (480, 270))
            #expect(picture == placement.scaled(from: 3000, 1688, to: 480, 270))
            for (x, y) in [(240, picture.y + 2), (5, picture.maxY - 3), (470, picture.y + picture.height / 2)] {
                #expect(try panel.pixel(x: x, y: y) == [128, 128, 128], "(\(x), \(y)) inside \(picture)")
            }
            for (x, y) in [(240, picture.y - 2), (5, 3), (470, picture.maxY + 1), (100, panel.height - 1)] {
                #expect(Self.isHatching(try panel.pixel(x: x, y: y)), "(\(x), \(y)) in the added area")
            }
        }
    }

    @Test func aFrameSentAsIsIsNotAnnotated() throws {
        let frame = try FrameFixer().prepare(Fixtures.input("good-first.jpg"), role: .first)
        #expect(frame.isPassThrough && !frame.geometry.isCropped && !frame.geometry.isPadded)
        let panel = try FramePreview().annotatedOriginal(
            of: Fixtures.input("good-first.jpg"), geometry: frame.geometry, maxWidth: 300, maxHeight: 300)
        #expect(panel.outline == nil && panel.picture == nil)
        #expect(max(panel.width, panel.height) == 300)
    }

    /// The sheet's layout says where each panel and outline is, and the pixels agree.
    @Test func aContactSheetPlacesPanelsWhereItsLayoutSays() async throws {
        try await withScratchFolder("framekit") { folder in
            let path = try await Self.panorama(in: folder)
            let frame = try FrameFixer(options: FixOptions(video: VideoTarget(aspect: AspectRatio(width: 4, height: 3), label: "4:3"))).prepare(
                .file(path), role: .first)
            let preview = FramePreview()
            let annotated = try preview.annotatedOriginal(of: .file(path), geometry: frame.geometry, maxWidth: 480, maxHeight: 360)
            let sent = try preview.thumbnail(of: frame.bytes, maxWidth: 480, maxHeight: 360)
            let sheet = try preview.contactSheet(
                ContactSheetContent(
                    title: "A <title> & more", subtitle: "subtitle",
                    rows: [
                        [
                            .init(image: annotated, heading: "original", lines: ["a", "b"]), .init(image: sent, heading: "as sent", lines: ["c"]),
                        ]
                    ]))
            let image = try DecodedImage(sheet.png)
            #expect((image.width, image.height) == (sheet.layout.width, sheet.layout.height))
            let outline = try #require(sheet.layout.panels.first?.outline)
            #expect(Self.isOutline(try image.pixel(x: outline.x, y: outline.y + outline.height / 2)))
            #expect(!Self.isOutline(try image.pixel(x: outline.x + 6, y: outline.y + outline.height / 2)))
            let second = sheet.layout.panels[1]
            #expect(second.outline == nil && (second.image.width, second.image.height) == (sent.width, sent.height))
            #expect(try image.pixel(x: second.image.x + 5, y: second.image.y + 5) == sent.pixel(x: 5, y: 5))
            #expect(second.caption.y > second.image.maxY && second.lines == ["c"])
        }
    }
}
