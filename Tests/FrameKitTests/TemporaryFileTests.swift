import Foundation
import Testing

@testable import FrameKit

/// A run that fails on an input's pixels leaves nothing in `TMPDIR`. libvips 8.14 decodes a WebP
/// over its disc threshold (100 MB of pixels) into a disc temporary, `vips-*.v` in `TMPDIR`, which
/// it deletes only when the loader goes; and its webpsave, when the pipeline fails under it, keeps
/// a reference to its input for ever. Handed our pipeline, it kept the loader and so the file
/// (``VipsImage/withLentView(_:)``). libvips reads `TMPDIR` from the environment, so each run here
/// is a child process started with a `TMPDIR` of its own.
@Suite("Temporary files")
struct TemporaryFileTests {
    /// From the hostile corpus: a valid header for 16383×16383 over pixel data libwebp cannot
    /// decode, so the loader makes its disc temporary, then fails.
    static let corpusName = "huge-webp-vp8-16383x16383.webp"
    static let childVariable = "SEEDANCE_TEMPORARY_FILE_CHILD"
    static let inputVariable = "SEEDANCE_TEMPORARY_FILE_INPUT"

    @Test("fix on a WebP whose pixels fail to decode leaves TMPDIR empty", arguments: ["in-process", "contained"])
    func fixLeavesTemporaryEmpty(isolation: String) async throws {
        guard !ChildTestRun.isChild(Self.childVariable) else { return }
        let binary = try #require(
            TestPaths.executable("seedance"),
            "no seedance binary next to the test bundle; build it first (swift build --build-tests), or set SEEDANCE_BIN")
        try await withScratchFolder("temporary-files") { scratch in
            let input = try await Self.corpusFile(in: scratch)
            let temporary = try Self.emptyFolder("tmp", in: scratch)
            let output = scratch.appendingPathComponent("out")
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            environment["SEEDANCE_FRAME_ISOLATION"] = isolation
            let fix = try await ChildProcess.run(
                binary, ["fix", input.path, "--output-dir", output.path], environment: environment, timeout: 60)
            #expect(fix.status == 2, "fix should refuse the input (exit 2); stderr: \(fix.standardError.suffix(600))")
            #expect(
                fix.standardError.contains("the pixel data is truncated or corrupt"),
                "fix should fail on the input's pixels, the path that made the temporary; stderr: \(fix.standardError.suffix(600))")
            #expect(try Self.contents(of: temporary) == [], "fix (\(isolation)) left files in its TMPDIR")
        }
    }

    /// The fix at its own depth, without the command line: the failed encode's pipeline had the
    /// disc temporary while we held it, and nothing once we let go of it.
    @Test("a failed WebP encode lets go of the pipeline and its disc temporary")
    func failedEncodeLetsGo() async throws {
        if ChildTestRun.isChild(Self.childVariable) {
            try Self.encodeAndLetGo()
            return
        }
        try await withScratchFolder("temporary-files") { scratch in
            let input = try await Self.corpusFile(in: scratch)
            let temporary = try Self.emptyFolder("tmp", in: scratch)
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            environment[Self.childVariable] = "1"
            environment[Self.inputVariable] = input.path
            let child = try await ChildProcess.run(
                executable, ["--testing-library", "swift-testing", "--filter", "TemporaryFileTests/failedEncodeLetsGo"],
                environment: environment, timeout: 300)
            let output = child.standardOutput + child.standardError
            #expect(child.status == 0, "the child run failed: \(output.suffix(3000))")
            let summary = output.split(separator: "\n").first { $0.hasPrefix("temporary files: ") }
            #expect(summary != nil, "the child did not run the encode: \(output.suffix(3000))")
            if let summary { print(summary) }
            #expect(try Self.contents(of: temporary) == [], "the child left files in its TMPDIR")
        }
    }

    /// In the child only: its `TMPDIR` is a folder of its own, empty at the start.
    static func encodeAndLetGo() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = URL(fileURLWithPath: try #require(environment["TMPDIR"]))
        let path = try #require(environment[Self.inputVariable])
        let whileHeld: [String]
        do {
            let loaded = try LoadedInput.load(.file(path), maxBytes: .max)
            // As `fix` plans it: shrink on load to 1/2 still leaves 8192×8192×3, over the threshold.
            let image = try VipsLoader.open(loaded, format: .webp, sequential: true, failOnTruncated: true, shrink: 2)
            var failure: FrameError?
            do {
                _ = try VipsEncoder.encode(try image.withoutMetadata(), as: .webp, quality: 80)
            } catch {
                failure = error
            }
            #expect(failure?.kind == .processingFailed, "the encode should fail on the pixels: \(String(describing: failure))")
            whileHeld = try contents(of: folder)
            withExtendedLifetime(image) {}
        }
        #expect(
            whileHeld.contains { $0.hasPrefix("vips-") && $0.hasSuffix(".v") },
            "precondition: libvips should decode this input through a disc temporary in TMPDIR, else this test proves nothing; TMPDIR held \(whileHeld)"
        )
        let afterwards = try contents(of: folder)
        #expect(afterwards == [], "the failed encode's pipeline is still alive: TMPDIR holds \(afterwards)")
        print("temporary files: \(whileHeld.count) while the pipeline was held, \(afterwards.count) after")
    }

    /// The corpus file, from the corpus generator (all of it: the script writes the whole set).
    static func corpusFile(in scratch: URL) async throws -> URL {
        let files = try await HostileCorpus.generate(into: scratch.appendingPathComponent("corpus"))
        return try #require(files.first { $0.lastPathComponent == corpusName }, "the hostile corpus no longer holds \(corpusName)")
    }

    static func emptyFolder(_ name: String, in scratch: URL) throws -> URL {
        let folder = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}
