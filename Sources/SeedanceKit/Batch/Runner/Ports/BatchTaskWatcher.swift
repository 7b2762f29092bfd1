public import SeedanceAPI

/// One poll loop for every task of the run (SeedanceAPI's `PollScheduler` behind an adapter).
///
/// The runner calls ``run(report:)`` once, ``watch(_:)`` for each task id as it learns it (also
/// while `run` is going), and ``finishWatching()`` when no more will come; `run` returns once
/// every watched task has ended after that, or when its task is cancelled (the run's deadline).
public protocol BatchTaskWatcher: Sendable {
    /// Starts polling `taskID`; watching one already watched does nothing.
    func watch(_ taskID: String) async
    /// No more tasks will be added.
    func finishWatching() async
    /// Polls and hands every answer to `report`, one at a time.
    func run(report: @escaping @Sendable (BatchWatchEvent) async -> Void) async
}

/// What the poll loop learned about a task.
public enum BatchWatchEvent: Sendable, Hashable {
    /// Still queued or running (or in a state nobody knows).
    case update(TaskSnapshot)
    /// Succeeded or failed: no longer polled.
    case finished(TaskSnapshot)
    /// Polling failed too often in a row; the task may still run at the provider (resume later).
    case gaveUp(taskID: String, message: String)
}
