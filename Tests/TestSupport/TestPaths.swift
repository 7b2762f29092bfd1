public import Foundation

/// Where the repository, its fixtures and the built executables are, found once for every test target.
public enum TestPaths {
    /// The repository root: this file is Tests/TestSupport/TestPaths.swift.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    /// The path of a committed fixture.
    public static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// An executable built into the same scratch path as the test bundle (`seedance`,
    /// `seedance-stub`): `SEEDANCE_BIN`'s folder if set, else beside the running test executable
    /// (Linux) or its `.xctest` bundle (macOS). Nil when it is not built.
    public static func executable(_ name: String) -> String? {
        var folders: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["SEEDANCE_BIN"], !explicit.isEmpty {
            folders.append(URL(fileURLWithPath: explicit).deletingLastPathComponent())
        }
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
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
