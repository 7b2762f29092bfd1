import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// The preview sheet as a library call: built from the very frames submit would send, the crop
/// outlined where the layout says, a compliant pair marked as sent as is.
@Suite struct PreviewSheetTests {
    static let outline = PreviewStyle().outline
    static let demoFirst = TestPaths.fixture("bad-first-sideways.jpg")
    static let demoLast = TestPaths.fixture("bad-last-panorama.png")

    static func isOutline(_ pixel: [Double]) -> Bool {
        pixel.count >= 3 && pixel[0] == Double(outline.red) && pixel[1] == Double(outline.green) && pixel[2] == Double(outline.blue)
    }

    /// The sheet decoded by FrameKit's own reading path: a thumbnail at full size gives its pixels.
    static func pixels(of png: Data, layout: ContactSheetLayout) throws -> PreviewImage {
        try FramePreview().thumbnail(of: png, name: "sheet", maxWidth: layout.width, maxHeight: layout.height)
    }

    @Test func theSheetShowsWhatSubmitWouldSend() async throws {
        let submitter = try VideoSubmitter(model: .defaultModel)
        let parameters = GenerationParameters(["ratio": .string("16:9")])
        let first = FrameSource(argument: Self.demoFirst)
        let last = FrameSource(argument: Self.demoLast)
        let sheet = try await submitter.previewSheet(first: first, last: last, parameters: parameters)
        let submitted = try await submitter.prepareFrames(first: first, last: last, parameters: parameters)
        #expect(sheet.frames.map(\.digest) == submitted.map(\.digest), "the sheet's frames are the bytes submit sends")

        let panels = sheet.layout.panels
        try #require(panels.count == 4)
        #expect(panels.map(\.row) == [0, 0, 1, 1] && panels.map(\.column) == [0, 1, 0, 1])
        // Both frames as sent, one above the other at the same size.
        #expect(panels[1].image.height == panels[3].image.height && panels[1].image.width == panels[3].image.width)
        #expect(panels[1].image.x == panels[3].image.x)
        for (index, frame) in zip([1, 3], submitted) {
            let prepared = try #require(frame.prepared)
            #expect(panels[index].lines.dropFirst() == prepared.steps.enumerated().map { "\($0.offset + 1). \($0.element.summary)" }[...])
            #expect(
                panels[index].lines.first == "\(prepared.format.rawValue) · \(prepared.width)×\(prepared.height) · "
                    + "\(PreviewSheetTests.grouped(prepared.bytes.count)) bytes")
        }

        let image = try Self.pixels(of: sheet.png, layout: sheet.layout)
        #expect((image.width, image.height) == (sheet.layout.width, sheet.layout.height))
        for panel in [panels[0], panels[2]] {
            let outline = try #require(panel.outline, "both originals are cropped to 16:9")
            let midY = outline.y + outline.height / 2
            let midX = outline.x + outline.width / 2
            for (x, y) in [(outline.x, midY), (outline.maxX - 1, midY), (midX, outline.y), (midX, outline.maxY - 1)] {
                #expect(Self.isOutline(try image.pixel(x: x, y: y)), "(\(x), \(y)) on \(outline)")
            }
            #expect(!Self.isOutline(try image.pixel(x: midX, y: midY)))
        }
        #expect(panels[1].outline == nil && panels[3].outline == nil)
    }

    @Test func aCompliantPairIsSentAsIs() async throws {
        let sheet = try await VideoSubmitter(model: .defaultModel).previewSheet(
            first: FrameSource(argument: TestPaths.fixture("good-first.jpg")), last: FrameSource(argument: TestPaths.fixture("good-last.jpg")),
            parameters: GenerationParameters())
        #expect(sheet.frames.allSatisfy { $0.prepared?.isPassThrough == true })
        #expect(sheet.layout.panels.allSatisfy { $0.outline == nil && $0.picture == nil })
        for sent in [sheet.layout.panels[1], sheet.layout.panels[3]] {
            #expect(sent.lines.contains { $0.hasPrefix("sent as is") }, "\(sent.lines)")
        }
        #expect(!sheet.layout.panels[0].lines.contains { $0.hasPrefix("kept") })
    }

    @Test func aURLSentByReferenceIsFetchedToBeDrawn() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let submitter = try VideoSubmitter(model: .defaultModel, fetcher: RemoteImageFetcher(configuration: .init(allowsPrivateAddresses: true)))
            let sheet = try await submitter.previewSheet(first: .url(server.url("/good-first.jpg")), last: nil, parameters: GenerationParameters())
            #expect(sheet.frames.first?.prepared == nil, "a compliant URL is sent as the URL")
            #expect(sheet.layout.panels[1].lines.contains("sent as is, by URL"), "\(sheet.layout.panels[1].lines)")
            #expect(sheet.layout.panels[1].image.width == 480)
            #expect(server.requests(to: "/good-first.jpg") == 1, "fetched once: the bytes checked are the bytes drawn")
        }
    }

    static func grouped(_ number: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: number)) ?? "\(number)"
    }
}
