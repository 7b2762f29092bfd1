import Foundation
import SeedanceAPI
import Testing

/// Result videos may be redirected by the provider's storage: a bounded number of http(s)
/// redirects is followed, and the final answer is judged like any other.
@Suite struct DownloadRedirectTests {
    static let video = Data("not really an mp4, but typed as one".utf8)

    @Test func aRedirectedVideoIsSaved() async throws {
        try await StubHarness.run { harness in
            try await FixtureServer.with { storage in
                storage.route("/v.mp4", .bytes(Self.video, contentType: "video/mp4"))
                storage.route("/signed", .redirect(to: "/moved", status: 307))
                storage.route("/moved", .redirect(to: storage.url("/v.mp4").absoluteString, status: 302))
                let destination = harness.directory.appendingPathComponent("out.mp4")
                try await harness.client.downloader.download(from: storage.url("/signed").absoluteString, to: destination)
                #expect(try Data(contentsOf: destination) == Self.video)
                #expect(storage.requests(to: "/v.mp4") == 1)
            }
        }
    }

    @Test("endless or non-http redirects save nothing", arguments: ["/loop", "file:///etc/passwd"])
    func badRedirects(_ location: String) async throws {
        try await StubHarness.run { harness in
            try await FixtureServer.with { storage in
                storage.route("/loop", .redirect(to: location))
                let destination = harness.directory.appendingPathComponent("out.mp4")
                do {
                    try await harness.client.downloader.download(from: storage.url("/loop").absoluteString, to: destination)
                    Issue.record("a download through \(location) succeeded")
                } catch let error as SeedanceError {
                    #expect(error.kind == .invalidDownload, "\(error)")
                }
                #expect(!FileManager.default.fileExists(atPath: destination.path))
                #expect(storage.requests(to: "/loop") <= 6, "redirects were not bounded")
            }
        }
    }
}
