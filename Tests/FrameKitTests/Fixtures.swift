import Foundation

@testable import FrameKit

/// Paths to the committed fixtures, and scratch space for generated ones.
enum Fixtures {
    static let root = TestPaths.repositoryRoot

    static func path(_ name: String) -> String {
        TestPaths.fixtures.appendingPathComponent(name).path
    }

    static func input(_ name: String) -> ImageInput { .file(path(name)) }

    static func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

    /// Runs the `vips` command (libvips-tools, installed by `make deps`) to make a test image.
    @discardableResult
    static func vips(_ arguments: [String]) async throws -> String {
        let outcome = try await ChildProcess.runFromPath("vips", arguments, timeout: 120)
        let message = outcome.standardError
        guard outcome.status == 0 else {
            throw FrameError(.processingFailed, "vips \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return message
    }

    /// A flat image of the given size, written by libvips in the format the extension names.
    static func flat(width: Int, height: Int, format: String, in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("flat-\(width)x\(height).\(format)").path
        try await vips(["black", path, "\(width)", "\(height)", "--bands", "3"])
        return path
    }

    static func pixel(_ data: Data, x: Int, y: Int) throws -> [Double] {
        try DecodedImage(data).pixel(x: x, y: y)
    }
}
