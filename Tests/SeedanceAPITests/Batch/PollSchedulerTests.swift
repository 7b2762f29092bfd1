import Foundation
import SeedanceAPI
import Testing

/// One scheduler for many tasks, on a clock that moves only when the scheduler sleeps.
@Suite("Poll scheduler")
struct PollSchedulerTests {
    /// 2 s growing by half to 10 s; the fake clock's jitter draw of 0.5 means no jitter.
    static let schedule = PollSchedule.standard

    /// A provider where each task finishes after a given number of polls.
    final class FakeProvider: Sendable {
        let pollsToFinish: [String: Int]
        let failing: Set<String>
        let polls = Locked<[(id: String, at: Duration)]>([])
        let clock: SteppingClock
        let concurrent = Locked((now: 0, peak: 0))

        init(clock: SteppingClock, pollsToFinish: [String: Int], failing: Set<String> = []) {
            self.clock = clock
            self.pollsToFinish = pollsToFinish
            self.failing = failing
        }

        func fetch(_ id: String) async throws -> TaskSnapshot {
            concurrent.withValue {
                $0.now += 1
                $0.peak = max($0.peak, $0.now)
            }
            defer { concurrent.withValue { $0.now -= 1 } }
            await Task.yield()
            let count = polls.withValue { polls in
                polls.append((id, clock.now.current))
                return polls.filter { $0.id == id }.count
            }
            if failing.contains(id) { throw SeedanceError(.unreachable, "no answer for \(id)") }
            let done = count >= pollsToFinish[id, default: .max]
            return TaskSnapshot(taskID: id, status: done ? (id.hasPrefix("bad") ? .failed : .succeeded) : .running)
        }

        func times(of id: String) -> [Duration] {
            polls.current.filter { $0.id == id }.map(\.at)
        }
    }

    private func events(_ scheduler: PollScheduler, timeout: Duration? = nil) async -> [PollScheduler.Event] {
        async let run: Void = scheduler.run(timeout: timeout)
        var events: [PollScheduler.Event] = []
        for await event in scheduler.events { events.append(event) }
        await run
        return events
    }

    @Test func eachTaskIsPolledOnItsOwnBackoffUntilItFinishes() async {
        let clock = SteppingClock()
        let provider = FakeProvider(clock: clock, pollsToFinish: ["a": 1, "b": 3, "bad": 4])
        let scheduler = PollScheduler(schedule: Self.schedule, timeSource: clock.timeSource, fetch: provider.fetch)
        await scheduler.add("a")
        await scheduler.add("b")
        await scheduler.add("bad", firstPollAfter: .seconds(1))
        await scheduler.finishAdding()
        let events = await events(scheduler)

        let finished = events.compactMap { event -> TaskSnapshot? in
            if case .finished(let result) = event { return result } else { return nil }
        }
        #expect(finished.map(\.taskID).sorted() == ["a", "b", "bad"])
        #expect(finished.first { $0.taskID == "bad" }?.status == .failed)
        #expect(events.filter { if case .update = $0 { true } else { false } }.count == 2 + 3)
        #expect(provider.times(of: "a") == [.zero])
        // 2 s, then 3 s (2 × 1.5) after the previous poll.
        #expect(provider.times(of: "b") == [.zero, .seconds(2), .seconds(5)])
        #expect(provider.times(of: "bad") == [.seconds(1), .seconds(3), .seconds(6), .milliseconds(10_500)])
        #expect(await scheduler.pendingTaskIDs.isEmpty)
    }

    @Test func failingPollsAreReportedThenGivenUpWithoutStoppingOthers() async {
        let clock = SteppingClock()
        let provider = FakeProvider(clock: clock, pollsToFinish: ["ok": 2], failing: ["lost"])
        let scheduler = PollScheduler(schedule: Self.schedule, maxConsecutiveErrors: 3, timeSource: clock.timeSource, fetch: provider.fetch)
        await scheduler.add("ok")
        await scheduler.add("lost")
        await scheduler.finishAdding()
        let events = await events(scheduler)
        let failures = events.filter { if case .pollFailed(let id, _) = $0 { id == "lost" } else { false } }
        #expect(failures.count == 2)
        let gaveUp = events.compactMap { event -> String? in
            if case .gaveUp(let id, let message) = event { "\(id): \(message)" } else { nil }
        }
        #expect(gaveUp == ["lost: no answer for lost"])
        #expect(events.contains(.finished(TaskSnapshot(taskID: "ok", status: .succeeded))))
        #expect(provider.times(of: "lost").count == 3)
    }

    @Test func theDeadlineEndsTheStreamNamingWhatIsLeft() async {
        let clock = SteppingClock()
        let provider = FakeProvider(clock: clock, pollsToFinish: ["slow": 1000, "quick": 2])
        let scheduler = PollScheduler(schedule: Self.schedule, timeSource: clock.timeSource, fetch: provider.fetch)
        await scheduler.add("slow")
        await scheduler.add("quick")
        let events = await events(scheduler, timeout: .seconds(60))
        #expect(events.last == .deadlineReached(pending: ["slow"]))
        #expect(clock.now.current == .seconds(60))
        // Polls at 0, 2, 5, 9.5, 16.25, then every 10 s: the last before 60 is at 56.25.
        #expect(provider.times(of: "slow").last == .milliseconds(56_250))
        #expect(provider.times(of: "slow").count == 9)
    }

    @Test func tasksAddedWhileRunningArePolledAndTheStreamEndsAfterFinishAdding() async {
        let clock = SteppingClock()
        let provider = FakeProvider(clock: clock, pollsToFinish: ["first": 2, "second": 1, "third": 1])
        let scheduler = PollScheduler(schedule: Self.schedule, timeSource: clock.timeSource, fetch: provider.fetch)
        async let run: Void = scheduler.run()
        await scheduler.add("first")
        var finished: [String] = []
        for await event in scheduler.events {
            guard case .finished(let result) = event else { continue }
            finished.append(result.taskID)
            if result.taskID == "first" {
                await scheduler.add("second")
                await scheduler.add("third", firstPollAfter: .seconds(4))
                await scheduler.add("first")
                await scheduler.finishAdding()
                await scheduler.add("late")
            }
        }
        await run
        #expect(finished == ["first", "second", "third"])
        #expect(provider.times(of: "late").isEmpty)
        #expect(provider.times(of: "first").count == 2)
    }

    @Test("bounded concurrency", arguments: [1, 3])
    func pollsNoMoreThanTheConcurrencyAtOnce(_ concurrency: Int) async {
        let clock = SteppingClock()
        let ids = (0..<8).map { "t\($0)" }
        let provider = FakeProvider(clock: clock, pollsToFinish: Dictionary(uniqueKeysWithValues: ids.map { ($0, 2) }))
        let scheduler = PollScheduler(schedule: Self.schedule, concurrency: concurrency, timeSource: clock.timeSource, fetch: provider.fetch)
        for id in ids { await scheduler.add(id) }
        await scheduler.finishAdding()
        let events = await events(scheduler)
        #expect(events.filter { if case .finished = $0 { true } else { false } }.count == 8)
        #expect(provider.concurrent.current.peak <= concurrency)
        #expect(provider.polls.current.count == 16)
    }

    @Test func cancellingRunEndsTheStream() async {
        let clock = SteppingClock()
        let scheduler = PollScheduler(timeSource: clock.timeSource) { id in TaskSnapshot(taskID: id, status: .running) }
        let run = Task { await scheduler.run() }
        // Idle (nothing added), so run waits for work until cancelled.
        for _ in 0..<20 { await Task.yield() }
        run.cancel()
        await run.value
        var count = 0
        for await _ in scheduler.events { count += 1 }
        #expect(count == 0)
    }
}
