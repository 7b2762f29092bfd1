import Foundation
public import SeedanceAPI

/// Saves a batch item's video through ``SeedanceClient/downloadVideo(of:to:force:)``: streamed
/// into a temporary file and renamed into place, a fresh URL asked for when the old one expired.
public struct ClientVideoDownloader: BatchDownloader {
    let client: SeedanceClient

    public init(client: SeedanceClient) {
        self.client = client
    }

    public func download(_ result: TaskSnapshot, to output: String) async throws {
        let destination = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Replacing is right here: the output belongs to this batch item, and a file already
        // there is this item's video from a run killed between the rename and the store's record.
        try await client.downloadVideo(of: result, to: destination, force: true)
    }
}
