import Foundation
import Testing

/// The CLI starts its preparation workers from its own running image, not from a path: a binary
/// removed or replaced mid-run (an upgrade during a long batch) does not stop them.
@Suite struct ReplacedExecutableTests {
    @Test func workersStartAfterTheExecutableFileIsRemoved() async throws {
        let built = try #require(TestPaths.executable("seedance"))
        let folder = try temporaryDirectory("replaced-executable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("seedance")
        // Copied by cp, not in this process: a child another suite forks meanwhile would inherit
        // our write descriptor of the copy, and exec'ing it would then fail with ETXTBSY.
        let copier = Process()
        copier.executableURL = URL(fileURLWithPath: "/bin/cp")
        copier.arguments = [built, copy.path]
        try copier.run()
        await ChildProcess.onThread { copier.waitUntilExit() }
        try #require(copier.terminationStatus == 0, "cp \(built) \(copy.path)")
        let output = folder.appendingPathComponent("out")

        // The frame comes on stdin, so the worker starts only after the file is gone.
        let process = Process()
        process.executableURL = copy
        process.arguments = ["fix", "-", "--output-dir", output.path]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SEEDANCE_FRAME_ISOLATION")
        process.environment = environment
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        try FileManager.default.removeItem(at: copy)
        try input.fileHandleForWriting.write(contentsOf: Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg"))))
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: try errors.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
        await ChildProcess.onThread { process.waitUntilExit() }
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("first.jpg").path), "\(stderr)")
    }
}
