public import SeedanceAPI

/// Saves a succeeded task's video at `output`, atomically (nothing half-written on failure),
/// reading the task again when the URL has expired. Safe to retry: reads cost nothing.
public protocol BatchDownloader: Sendable {
    func download(_ result: TaskSnapshot, to output: String) async throws
}
