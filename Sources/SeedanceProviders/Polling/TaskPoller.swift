public import SeedanceCore

/// Polls a task (through the provider's read) until the task finishes or a deadline passes.
public struct TaskPoller: Sendable {
    /// How a wait ended.
    public enum Outcome: Sendable, Hashable {
        /// The task succeeded or failed; see the result's status.
        case finished(TaskSnapshot)
        /// The deadline passed while the task was still running; `last` is the latest answer.
        case deadlineReached(last: TaskSnapshot?)
    }

    public var schedule: PollSchedule
    let timeSource: TimeSource
    let fetch: @Sendable (String) async throws -> TaskSnapshot

    /// - Parameter fetch: asks for a task's state; ``SeedanceClient/poller(schedule:)`` wires it to the provider.
    public init(
        schedule: PollSchedule = .standard,
        timeSource: TimeSource = .system,
        fetch: @escaping @Sendable (String) async throws -> TaskSnapshot
    ) {
        self.schedule = schedule
        self.timeSource = timeSource
        self.fetch = fetch
    }

    /// Polls `taskID`, calling `progress` after every answer.
    ///
    /// Unknown statuses count as still running. Errors from `fetch` (which already retried) end the wait.
    /// - Parameter timeout: nil waits as long as the task runs.
    public func wait(
        for taskID: String,
        timeout: Duration? = nil,
        progress: @Sendable (TaskSnapshot) async -> Void = { _ in }
    ) async throws -> Outcome {
        let start = timeSource.now()
        var polls = 0
        var last: TaskSnapshot?
        while true {
            let result = try await fetch(taskID)
            polls += 1
            last = result
            await progress(result)
            if result.status.isFinished { return .finished(result) }
            var pause = schedule.interval(afterPoll: polls, draw: timeSource.jitter())
            if let timeout {
                let remaining = timeout - (timeSource.now() - start)
                if remaining <= .zero { return .deadlineReached(last: last) }
                pause = min(pause, remaining)
            }
            try await timeSource.sleep(pause)
        }
    }
}
