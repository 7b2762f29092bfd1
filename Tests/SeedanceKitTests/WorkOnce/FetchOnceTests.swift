import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// A URL frame is fetched once per run: the preview draws the original from the bytes it
/// prepared the frame from. Counted by the in-process server.
@Suite struct FetchOnceTests {
    static func submitter() throws -> VideoSubmitter {
        try VideoSubmitter(
            model: .defaultModel, fetcher: RemoteImageFetcher(configuration: .init(allowsPrivateAddresses: true)))
    }

    @Test(arguments: ["good-first.jpg", "bad-first-sideways.jpg"])
    func aPreviewFetchesEachURLOnce(name: String) async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let sheet = try await Self.submitter().previewSheet(
                first: .url(server.url("/\(name)")), last: .url(server.url("/good-last.jpg")), parameters: GenerationParameters())
            #expect(sheet.frames.count == 2)
            #expect(server.requests(to: "/\(name)") == 1, "first frame fetched once")
            #expect(server.requests(to: "/good-last.jpg") == 1, "last frame fetched once")
        }
    }

    @Test func framesInHandAreNotFetchedAgain() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let submitter = try Self.submitter()
            let first = try await submitter.resolve(.url(server.url("/good-first.jpg")), role: .first)
            let checked = try submitter.validateForPreview(GenerationParameters(), hasLastFrame: false)
            _ = try await submitter.previewSheet(first: first, last: nil, parameters: checked)
            _ = try await submitter.prepareFrames(first: first, last: nil, parameters: checked.parameters)
            #expect(server.requests(to: "/good-first.jpg") == 1)
        }
    }

    @Test func aURLSentByReferenceCarriesTheDigestOfTheBytesFetched() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let frames = try await Self.submitter().prepareFrames(
                first: .url(server.url("/good-first.jpg")), last: nil, parameters: GenerationParameters())
            let bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg")))
            #expect(frames.first?.prepared == nil, "a compliant URL is sent as the URL")
            #expect(frames.first?.digest == SHA256Hex.digest(of: bytes))
            #expect(server.requests(to: "/good-first.jpg") == 1)
        }
    }

    /// `check --preview` hands the preview the frame it fetched and the header it read: the
    /// preview neither fetches nor reads that header again (the report is marked: a second
    /// reading would give the URL as its source, not the mark).
    @Test func aCheckedURLIsPreparedAndDrawnFromTheCheck() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let url = server.url("/good-first.jpg")
            let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg")))
            let fetched = ResolvedFrame(url: url, data: data, declaredType: "image/jpeg")
            var header = try #require(FramePreflight().check(first: fetched.input, last: nil).first?.header)
            header.report.source = "read by the check"
            let submitter = try Self.submitter()
            let sheet = try await submitter.previewSheet(
                first: fetched.reading(header: header), last: nil,
                parameters: try submitter.validateForPreview(GenerationParameters(), hasLastFrame: false))
            #expect(sheet.frames.first?.prepared == nil, "a compliant URL is sent as the URL")
            #expect(sheet.frames.first?.inputReport?.source == "read by the check", "prepared from the check's reading")
            #expect(sheet.layout.panels[0].lines.first == "read by the check", "drawn from the same reading: \(sheet.layout.panels[0].lines)")
            #expect(server.totalRequests == 0, "the bytes were in hand")
        }
    }
}
