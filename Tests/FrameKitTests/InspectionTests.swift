import Foundation
import Testing

@testable import FrameKit

@Suite struct InspectionTests {
    let inspector = FrameInspector()

    func verdict(_ name: String, strict: Bool = false) -> FramePreflight.FrameVerdict {
        FramePreflight().check(first: Fixtures.input(name), last: nil, strict: strict)[0]
    }

    func rules(_ verdict: FramePreflight.FrameVerdict) -> Set<String> {
        Set(verdict.violations.map(\.rule.rawValue))
    }

    @Test(arguments: ["accepted.png", "accepted.webp", "accepted.tif", "accepted.gif", "accepted.bmp", "orientation-1.jpg"])
    func everyAcceptedFormatPasses(name: String) {
        let result = verdict(name)
        #expect(result.isAcceptable, "\(result.violations)")
        #expect(result.plan?.isPassThrough == true)
    }

    @Test(arguments: [
        ("edge-299x400.png", ["width"]), ("edge-300x400.png", ["width"]), ("edge-301x400.png", []),
        ("edge-400x299.png", ["height"]), ("edge-400x300.png", ["height"]), ("edge-400x301.png", []),
        ("edge-5999x3000.png", []), ("edge-6000x3000.png", ["width"]), ("edge-6001x3000.png", ["width"]),
        ("edge-400x1000.png", ["aspect_ratio"]), ("edge-401x1000.png", []),
        ("edge-2500x1000.png", ["aspect_ratio"]), ("edge-2499x1000.png", []),
        ("edge-1000x2500.png", ["aspect_ratio"]), ("edge-1000x2499.png", []),
    ])
    func rulesAtTheirEdges(name: String, expected: [String]) {
        #expect(rules(verdict(name)) == Set(expected))
    }

    @Test(arguments: [
        ("refused.heic", ImageFormat.heif, true), ("refused.avif", .avif, true),
        ("refused.jp2", .jpeg2000, false), ("refused.svg", .svg, false),
    ])
    func formatsTheAPIRefuses(name: String, format: ImageFormat, fixable: Bool) throws {
        let result = verdict(name)
        #expect(result.report?.format == format)
        let finding = try #require(result.violations.first { $0.rule == .format })
        #expect(finding.fixable == fixable)
        #expect(result.isUnusable == !fixable)
    }

    @Test(arguments: 1...8)
    func orientationSwapsDisplayedSides(orientation: Int) throws {
        let report = try inspector.inspect(Fixtures.input("orientation-\(orientation).jpg"))
        #expect(report.orientation == orientation)
        #expect(report.storedWidth == 400 && report.storedHeight == 320)
        let swapped = orientation >= 5
        #expect(report.width == (swapped ? 320 : 400))
        #expect(report.height == (swapped ? 400 : 320))
        #expect(rules(verdict("orientation-\(orientation).jpg")) == (orientation == 1 ? [] : ["orientation"]))
    }

    @Test func wrongExtensionIsJudgedByTheBytes() throws {
        let result = verdict("jpeg-named.png")
        #expect(result.report?.format == .jpeg)
        #expect(result.notes.contains { $0.rule == .declaredType })
        #expect(result.isAcceptable)
    }

    @Test func pixelPropertiesAreReported() throws {
        let cmyk = try inspector.inspect(Fixtures.input("cmyk-with-profile.jpg"))
        #expect(cmyk.colourSpace == .cmyk && cmyk.hasICCProfile)
        let bare = try inspector.inspect(Fixtures.input("cmyk-no-profile.jpg"))
        #expect(bare.colourSpace == .cmyk && !bare.hasICCProfile)
        #expect(rules(verdict("cmyk-no-profile.jpg")) == ["colour_space"])
        #expect(try inspector.inspect(Fixtures.input("rgb16.png")).bitsPerSample == 16)
        #expect(try inspector.inspect(Fixtures.input("grey.png")).colourSpace == .grey)
        #expect(try inspector.inspect(Fixtures.input("alpha.png")).hasAlpha)
        let gif = try inspector.inspect(Fixtures.input("animated-3-frames.gif"))
        #expect(gif.pageCount == 3)
        #expect(gif.height == 320, "one frame's height, not the strip's")
    }

    @Test(arguments: [("empty.jpg", FrameError.Kind.unreadable), ("random-bytes.bin", .notAnImage)])
    func unusableFiles(name: String, kind: FrameError.Kind) {
        #expect(throws: FrameError.self) { try inspector.inspect(Fixtures.input(name)) }
        do { _ = try inspector.inspect(Fixtures.input(name)) } catch { #expect(error.kind == kind) }
        #expect(verdict(name).isUnusable)
    }

    @Test func directoriesAndMissingPathsAreUnreadable() throws {
        for path in [Fixtures.root.path, "/nonexistent/frame.jpg"] {
            do {
                _ = try inspector.inspect(.file(path))
                Issue.record("expected an error for \(path)")
            } catch {
                #expect(error.kind == .unreadable)
                #expect(error.message.contains(path == "/nonexistent/frame.jpg" ? "no such file" : "directory"))
            }
        }
    }

    @Test func truncatedFileHeaderStillReads() throws {
        // check reads headers only; fix decodes and refuses it (see FixTests).
        let report = try inspector.inspect(Fixtures.input("truncated.jpg"))
        #expect(report.width == 800)
    }

    @Test func dataURIInputs() throws {
        let bytes = try Fixtures.bytes("accepted.png")
        let uri = "data:image/png;base64," + bytes.base64EncodedString()
        let report = try inspector.inspect(.dataURI(uri))
        #expect(report.format == .png && report.width == 400 && report.bytes == bytes.count)
        let lying = try inspector.inspect(.dataURI("data:image/gif;base64," + bytes.base64EncodedString()))
        #expect(lying.declaredTypeDisagrees)
        for bad in ["data:image/png;base64,@@@@", "data:image/png,rawtext", "data:image/png;base64"] {
            #expect(throws: FrameError.self) { try inspector.inspect(.dataURI(bad)) }
        }
    }

    @Test func lastFrameAspectIsANoteUnlessStrict() {
        let loose = FramePreflight().check(first: Fixtures.input("good-first.jpg"), last: Fixtures.input("accepted.png"))
        #expect(loose[1].notes.contains { $0.rule == .lastFrameAspect })
        #expect(loose[1].isAcceptable)
        let strict = FramePreflight().check(first: Fixtures.input("good-first.jpg"), last: Fixtures.input("accepted.png"), strict: true)
        #expect(strict[1].violations.contains { $0.rule == .lastFrameAspect })
        let same = FramePreflight().check(first: Fixtures.input("good-first.jpg"), last: Fixtures.input("good-last.jpg"), strict: true)
        #expect(same[1].isAcceptable)
    }
}
