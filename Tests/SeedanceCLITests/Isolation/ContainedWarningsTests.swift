import Foundation
import Testing

/// libvips' warnings that no frame owns (libjpeg's "Corrupt JPEG data" while pixels decode) are
/// raised in the worker that prepares the frame: `fix` reports them as it does in-process.
@Suite struct ContainedWarningsTests {
    @Test(arguments: ["contained", "in-process"])
    func fixReportsTheWorkersLibvipsWarnings(isolation: String) async throws {
        try await withScratchFolder("contained-warnings") { folder in
            // A sideways frame (it must be decoded to be turned) with bytes flipped in its scan data.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("bad-first-sideways.jpg")))
            let start = bytes.count * 2 / 3
            for index in stride(from: start, to: start + 40, by: 4) { bytes[index] ^= 0x55 }
            let frame = folder.appendingPathComponent("corrupt.jpg")
            try bytes.write(to: frame)
            let result = try await CommandRunner.run(
                ["fix", frame.path, "--output-dir", folder.appendingPathComponent("out").path],
                environment: ["SEEDANCE_FRAME_ISOLATION": isolation])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("seedance fix: libvips: VipsJpeg: Corrupt JPEG data"), "\(result.stderr)")
        }
    }
}
