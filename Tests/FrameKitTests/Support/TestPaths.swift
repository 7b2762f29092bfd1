import Foundation

/// Where the repository and the built `seedance` binary are, from the test's own location.
enum TestPaths {
    /// The repository root: this file is Tests/FrameKitTests/Support/TestPaths.swift.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    /// The `seedance` built into the same scratch path as this test bundle: `SEEDANCE_BIN` if
    /// set, else next to the running test executable (Linux) or its `.xctest` bundle (macOS).
    static func seedanceBinary() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["SEEDANCE_BIN"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        var folders: [URL] = []
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if selfExe.path != "/proc/self/exe" { folders.append(selfExe.deletingLastPathComponent()) }
        if let argument = ProcessInfo.processInfo.arguments.first {
            folders.append(URL(fileURLWithPath: argument).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for bundle in [Bundle.main] + Bundle.allBundles {
            var url = bundle.bundleURL
            for _ in 0..<8 where url.pathExtension != "xctest" && url.path != "/" {
                url.deleteLastPathComponent()
            }
            if url.pathExtension == "xctest" { folders.append(url.deletingLastPathComponent()) }
            folders.append(bundle.bundleURL)
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("seedance").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("seedance-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
