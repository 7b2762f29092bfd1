public import SeedanceAPI

/// Saves a succeeded task's video at `output`, atomically (nothing half-written on failure),
/// asking task-result again when the URL has expired. Safe to retry: reads cost nothing.
public protocol BatchDownloader: Sendable {
    func download(_ result: TaskResult, to output: String) async throws
}
