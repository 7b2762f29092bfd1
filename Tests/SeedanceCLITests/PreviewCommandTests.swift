import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// The preview sheet as `seedance preview` / `check --preview`: written atomically with the
/// documented exit codes (the sheet itself as a library call: SeedanceKitTests' PreviewSheetTests).
@Suite struct PreviewCommandTests {
    static let demoFirst = TestPaths.fixture("bad-first-sideways.jpg")
    static let demoLast = TestPaths.fixture("bad-last-panorama.png")

    @Test func seedancePreviewWritesAReadablePNG() async throws {
        try await withScratchFolder("preview") { folder in
            let output = folder.appendingPathComponent("sheet.png").path
            let result = try await CommandRunner.run(["preview", Self.demoFirst, "--last", Self.demoLast, "--ratio", "16:9", "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("nothing was sent"))
            let report = try FrameInspector().inspect(.file(output))
            #expect(report.format == .png && report.width > 900 && report.height > 700, "\(report.width)×\(report.height)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sheet.png"], "no temporary file left")

            let checked = try await CommandRunner.run(["check", Self.demoFirst, "--last", Self.demoLast, "--preview", output + ".check.png"])
            #expect(checked.status == 1, "check's own verdict: fixable. \(checked.stderr)")
            #expect(try FrameInspector().inspect(.file(output + ".check.png")).format == .png)
        }
    }

    @Test func previewExitCodes() async throws {
        try await withScratchFolder("preview") { folder in
            let output = folder.appendingPathComponent("sheet.png").path
            let missing = try await CommandRunner.run(["preview", folder.appendingPathComponent("missing.jpg").path, "--output", output])
            #expect(missing.status == 2 && missing.stderr.contains("no such file"), "\(missing.stderr)")
            let unwritable = try await CommandRunner.run([
                "preview", Self.demoFirst, "--output", folder.appendingPathComponent("no/such/dir/sheet.png").path,
            ])
            #expect(unwritable.status == 74 && unwritable.stderr.contains("cannot create a file"), "\(unwritable.stderr)")
            let overInput = try await CommandRunner.run(["preview", Self.demoFirst, "--output", Self.demoFirst])
            #expect(overInput.status == 64, "\(overInput.stderr)")
            let badRatio = try await CommandRunner.run(["preview", Self.demoFirst, "--ratio", "5:2", "--output", output])
            #expect(badRatio.status == 64, "\(badRatio.stderr)")
            let noOutput = try await CommandRunner.run(["preview", Self.demoFirst])
            #expect(noOutput.status == 64)
            let checkMissing = try await CommandRunner.run(["check", folder.appendingPathComponent("missing.jpg").path, "--preview", output])
            #expect(checkMissing.status == 2 && checkMissing.stderr.contains("no preview written"), "\(checkMissing.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output), "nothing written on failure")
            #expect(FileManager.default.fileExists(atPath: Self.demoFirst))
        }
    }
}
