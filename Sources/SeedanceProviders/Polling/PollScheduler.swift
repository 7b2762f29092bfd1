public import SeedanceCore

/// One scheduler that polls many tasks: each task has its own next due time (backing off by
/// ``PollSchedule``), due tasks are asked about a few at a time, and every answer comes out of
/// ``events``. A batch of hundreds of tasks makes one stream of polls, not hundreds of loops.
///
/// Use: `add(_:)` tasks at any time (also while ``run(timeout:)`` is going), call
/// ``finishAdding()`` when no more will come, and read ``events`` until it ends. The stream ends
/// when every task has finished or been given up after ``maxConsecutiveErrors`` failed polls
/// in a row, or when the deadline passes (with a ``Event/deadlineReached(pending:)`` event).
public actor PollScheduler {
    /// What the scheduler learned.
    public enum Event: Sendable, Hashable {
        /// A poll answered and the task is still queued or running (or in a state we do not know).
        case update(TaskSnapshot)
        /// The task succeeded or failed; it is no longer polled.
        case finished(TaskSnapshot)
        /// A poll failed (after the client's own retries); the task will be asked again later.
        case pollFailed(taskID: String, message: String)
        /// Polls failed ``maxConsecutiveErrors`` times in a row; the task is no longer polled
        /// (it may still be running at the provider: resume it later).
        case gaveUp(taskID: String, message: String)
        /// The overall deadline passed while these tasks were still unfinished.
        case deadlineReached(pending: [String])
    }

    private struct Entry {
        var due: Duration
        var polls = 0
        var errorsInARow = 0
    }

    /// Every answer, in the order it arrived; ends as described above.
    public nonisolated let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    public let schedule: PollSchedule
    /// How many polls may be in flight at once.
    public let concurrency: Int
    /// Failed polls in a row after which a task is given up.
    public let maxConsecutiveErrors: Int
    private let timeSource: TimeSource
    private let fetch: @Sendable (String) async throws -> TaskSnapshot

    private var entries: [String: Entry] = [:]
    /// Tasks that reached a final state: adding them again does nothing.
    private var finished: Set<String> = []
    private var addingFinished = false
    private var running = false
    /// Wakes ``run(timeout:)`` from an idle wait or an early sleep when a task is added.
    private var wakeUp: CheckedContinuation<Void, Never>?
    private var sleeper: Task<Void, Never>?

    /// - Parameter fetch: asks for one task's state; ``SeedanceClient/taskResult(id:)`` in production.
    public init(
        schedule: PollSchedule = .standard, concurrency: Int = 1, maxConsecutiveErrors: Int = 5,
        timeSource: TimeSource = .system, fetch: @escaping @Sendable (String) async throws -> TaskSnapshot
    ) {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        self.events = stream
        self.continuation = continuation
        self.schedule = schedule
        self.concurrency = max(concurrency, 1)
        self.maxConsecutiveErrors = max(maxConsecutiveErrors, 1)
        self.timeSource = timeSource
        self.fetch = fetch
    }

    /// Starts polling `taskID` after `delay` (zero: at once). Adding a task that is being polled
    /// or has finished, or adding after ``finishAdding()``, does nothing; a task given up on may
    /// be added again.
    public func add(_ taskID: String, firstPollAfter delay: Duration = .zero) {
        guard entries[taskID] == nil, !finished.contains(taskID), !addingFinished else { return }
        entries[taskID] = Entry(due: timeSource.now() + max(delay, .zero))
        wake()
    }

    /// No more tasks will be added: the stream ends once the ones there are have ended.
    public func finishAdding() {
        addingFinished = true
        wake()
    }

    /// Task ids still being polled.
    public var pendingTaskIDs: [String] { entries.keys.sorted() }

    /// Polls until every task has ended and ``finishAdding()`` was called, or until `timeout`
    /// passes; then ends ``events``. Call it once. Cancelling the calling task ends it too.
    public func run(timeout: Duration? = nil) async {
        guard !running else { return }
        running = true
        let deadline = timeout.map { timeSource.now() + $0 }
        defer {
            running = false
            continuation.finish()
        }
        await withTaskCancellationHandler {
            await loop(until: deadline)
        } onCancel: {
            Task { await self.wake() }
        }
    }

    private func loop(until deadline: Duration?) async {
        while !Task.isCancelled {
            let now = timeSource.now()
            if let deadline, now >= deadline {
                continuation.yield(.deadlineReached(pending: pendingTaskIDs))
                return
            }
            guard let nextDue = entries.values.map(\.due).min() else {
                if addingFinished { return }
                await withCheckedContinuation { wakeUp = $0 }
                continue
            }
            if nextDue > now {
                await sleep(min(nextDue, deadline ?? nextDue) - now)
                continue
            }
            await pollDue(at: now)
        }
    }

    private func pollDue(at now: Duration) async {
        let due = entries.filter { $0.value.due <= now }.sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
        let batch = due.prefix(concurrency).map(\.key)
        let fetch = self.fetch
        // Each child answers with a named struct holding a concrete error. A group of tuples
        // holding `Result<_, any Error>` crashed the release build (Swift 6.3.1, in the runtime's
        // copy of a child's result into the waiting task); the debug build never did.
        let answers = await withTaskGroup(of: PollAnswer.self) { group in
            for id in batch {
                group.addTask {
                    do {
                        return PollAnswer(taskID: id, result: .success(try await fetch(id)))
                    } catch {
                        return PollAnswer(taskID: id, result: .failure(PollFailure(message: String(describing: error))))
                    }
                }
            }
            var answers: [PollAnswer] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        for answer in answers.sorted(by: { $0.taskID < $1.taskID }) {
            record(answer.result, for: answer.taskID)
        }
    }

    private func record(_ answer: Result<TaskSnapshot, PollFailure>, for id: String) {
        guard var entry = entries[id] else { return }
        entry.polls += 1
        switch answer {
        case .success(let result) where result.status.isFinished:
            entries[id] = nil
            finished.insert(id)
            continuation.yield(.finished(result))
            return
        case .success(let result):
            entry.errorsInARow = 0
            continuation.yield(.update(result))
        case .failure(let error):
            entry.errorsInARow += 1
            let message = error.message
            if entry.errorsInARow >= maxConsecutiveErrors {
                entries[id] = nil
                continuation.yield(.gaveUp(taskID: id, message: message))
                return
            }
            continuation.yield(.pollFailed(taskID: id, message: message))
        }
        entry.due = timeSource.now() + schedule.interval(afterPoll: entry.polls, draw: timeSource.jitter())
        entries[id] = entry
    }

    /// Sleeps, unless a task is added meanwhile (it may be due sooner).
    private func sleep(_ duration: Duration) async {
        let timeSource = self.timeSource
        let task = Task { _ = try? await timeSource.sleep(duration) }
        sleeper = task
        await task.value
        sleeper = nil
    }

    private func wake() {
        wakeUp?.resume()
        wakeUp = nil
        sleeper?.cancel()
    }
}

/// One poll's answer, for one task.
private struct PollAnswer: Sendable {
    var taskID: String
    var result: Result<TaskSnapshot, PollFailure>
}

/// Why a poll failed, as the words the events carry.
private struct PollFailure: Error, Sendable {
    var message: String
}
