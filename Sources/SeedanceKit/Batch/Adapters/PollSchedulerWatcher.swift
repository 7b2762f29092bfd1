public import SeedanceAPI

/// The runner's one poll loop: SeedanceAPI's ``PollScheduler`` behind the ``BatchTaskWatcher`` port.
///
/// A failed poll is retried by the scheduler on its own schedule, so only a give-up reaches the
/// runner; the deadline is the runner's (it cancels ``run(report:)``), not the scheduler's.
public struct PollSchedulerWatcher: BatchTaskWatcher {
    let scheduler: PollScheduler

    public init(scheduler: PollScheduler) {
        self.scheduler = scheduler
    }

    /// A scheduler over the provider's task reads, polling a few tasks at once.
    public init(provider: any VideoProvider, schedule: PollSchedule = .standard, concurrency: Int = 4) {
        self.init(
            scheduler: PollScheduler(schedule: schedule, concurrency: concurrency) { taskID in
                try await provider.task(id: taskID)
            })
    }

    public func watch(_ taskID: String) async {
        await scheduler.add(taskID)
    }

    public func finishWatching() async {
        await scheduler.finishAdding()
    }

    public func run(report: @escaping @Sendable (BatchWatchEvent) async -> Void) async {
        let scheduler = self.scheduler
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await scheduler.run() }
            for await event in scheduler.events {
                switch event {
                case .update(let result): await report(.update(result))
                case .finished(let result): await report(.finished(result))
                case .gaveUp(let taskID, let message): await report(.gaveUp(taskID: taskID, message: message))
                // Retried by the scheduler; the next answer says more.
                case .pollFailed: continue
                // No deadline is given to the scheduler: the runner's own ends the run.
                case .deadlineReached: continue
                }
            }
        }
    }
}
