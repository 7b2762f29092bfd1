public import Foundation

/// Runs `body` with a fresh empty folder under the system temporary directory (`TMPDIR`) and
/// removes the folder and everything in it afterwards, whether `body` returns or throws. The
/// one way a test gets scratch space: a whole test run leaves `TMPDIR` as it found it.
public func withScratchFolder<T>(_ label: String = "tests", _ body: (URL) throws -> T) throws -> T {
    let folder = try makeScratchFolder(label)
    defer { removeScratchFolder(folder) }
    return try body(folder)
}

/// The async form of ``withScratchFolder(_:_:)-(_,(URL)->T)``.
public func withScratchFolder<T>(_ label: String = "tests", _ body: (URL) async throws -> T) async throws -> T {
    let folder = try makeScratchFolder(label)
    defer { removeScratchFolder(folder) }
    return try await body(folder)
}

private func makeScratchFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("seedance-\(label)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

private func removeScratchFolder(_ folder: URL) {
    try? FileManager.default.removeItem(at: folder)
}
