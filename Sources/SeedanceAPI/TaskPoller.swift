/// Polls task-result until the task finishes or a deadline passes.
public struct TaskPoller: Sendable {
    /// How a wait ended.
    public enum Outcome: Sendable, Hashable {
        /// The task succeeded or failed; see the result's status.
        case finished(TaskResult)
        /// The deadline passed while the task was still running; `last` is the latest answer.
        case deadlineReached(last: TaskResult?)
    }

    public var schedule: PollSchedule
    let timeSource: TimeSource
    let fetch: @Sendable (String) async throws -> TaskResult

    /// - Parameter fetch: asks for a task's state; ``SeedanceClient/poller(schedule:)`` wires it to task-result.
    public init(
        schedule: PollSchedule = .standard,
        timeSource: TimeSource = .system,
        fetch: @escaping @Sendable (String) async throws -> TaskResult
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
        progress: @Sendable (TaskResult) async -> Void = { _ in }
    ) async throws -> Outcome {
        let start = timeSource.now()
        var polls = 0
        var last: TaskResult?
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
