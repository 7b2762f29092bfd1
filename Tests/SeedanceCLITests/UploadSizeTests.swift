import Foundation
import Testing

/// A 12-megapixel photo submitted for the default 720p video goes up at no more than twice the
/// video's pixels, and the report says what that saved; `--upload-size full` keeps its size.
@Suite struct UploadSizeTests {
    /// 720p 16:9 on seedance-v1.5-pro, the output size nearest a 4608×2592 photo.
    static let videoPixels = 1280 * 720

    private func photo(in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("photo.jpg").path
        // 960×540 × 4.8 = 4608×2592, 11.9 megapixels of sRGB photo.
        let vips = try await ChildProcess.runFromPath("vips", ["resize", TestPaths.fixture("good-first.jpg"), path + "[Q=95]", "4.8"], timeout: 60)
        try #require(vips.status == 0, "the vips CLI (libvips-tools) makes the 12 MP photo: \(vips.standardError)")
        return path
    }

    private func frame(_ result: CommandRunner.Result) throws -> (document: [String: Any], frame: [String: Any]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return (document, try #require((document["frames"] as? [[String: Any]])?.first))
    }

    @Test func aTwelveMegapixelPhotoIsSentAtTheVideosSize() async throws {
        try await withScratchFolder("cli") { folder in
            let photo = try await photo(in: folder)
            let original = try #require(try FileManager.default.attributesOfItem(atPath: photo)[.size] as? Int)

            let sized = try await CommandRunner.run(["submit", photo, "--prompt", "x", "--dry-run", "--json"])
            #expect(sized.status == 0, "\(sized.stderr)")
            let (document, frame) = try frame(sized)
            let width = try #require(frame["width"] as? Int)
            let height = try #require(frame["height"] as? Int)
            #expect(width * height <= 2 * Self.videoPixels, "\(width)×\(height)")
            #expect(width * height >= Self.videoPixels, "never below the video's own size")
            let bytes = try #require(frame["bytes"] as? Int)
            #expect(document["bytes_saved"] as? Int == original - bytes)
            #expect(bytes < original)
            #expect(sized.stderr.contains("\(original - bytes) bytes saved"), "\(sized.stderr)")

            let full = try await CommandRunner.run(["submit", photo, "--prompt", "x", "--dry-run", "--json", "--upload-size", "full"])
            #expect(full.status == 0, "\(full.stderr)")
            let (_, kept) = try self.frame(full)
            #expect(kept["width"] as? Int == 4608 && kept["height"] as? Int == 2592)
            #expect(kept["steps"] as? [String] == [], "a compliant frame passes through byte for byte")
        }
    }
}
