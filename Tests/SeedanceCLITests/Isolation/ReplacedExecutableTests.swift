import Foundation
import Testing

/// The CLI starts its preparation workers from its own running image, not from a path: a binary
/// removed or replaced mid-run (an upgrade during a long batch) does not stop them.
@Suite struct ReplacedExecutableTests {
    @Test func workersStartAfterTheExecutableFileIsRemoved() async throws {
        let built = try #require(TestPaths.executable("seedance"))
        try await withScratchFolder("replaced-executable") { folder in
            let copy = folder.appendingPathComponent("seedance")
            // Copied by cp, not in this process: a child another suite forks meanwhile would inherit
            // our write descriptor of the copy, and exec'ing it would then fail with ETXTBSY.
            let copied = try await ChildProcess.run("/bin/cp", [built, copy.path], timeout: 60)
            try #require(copied.status == 0, "cp \(built) \(copy.path): \(copied.standardError)")
            let output = folder.appendingPathComponent("out")

            // The frame comes on stdin, so the worker starts only after the file is gone.
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "SEEDANCE_FRAME_ISOLATION")
            let ended = try await ChildProcess.withStarted(
                copy.path, ["fix", "-", "--output-dir", output.path], environment: environment, inputPipe: true
            ) { fix in
                try FileManager.default.removeItem(at: copy)
                try await fix.writeInput(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg"))))
                fix.closeInput()
                return await fix.waitForExit()
            }
            let stderr = ended.standardError
            #expect(ended.status == 0, "\(stderr)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("first.jpg").path), "\(stderr)")
        }
    }
}
