import SeedanceAPI

/// A clock that only moves when something sleeps: every sleep advances it at once, so tests
/// about schedules run in microseconds and read exact instants.
final class SteppingClock: Sendable {
    let now = Locked<Duration>(.zero)
    let sleeps = Locked<[Duration]>([])

    var timeSource: TimeSource {
        TimeSource(
            now: { [now] in now.current },
            sleep: { [now, sleeps] duration in
                sleeps.withValue { $0.append(duration) }
                now.withValue { $0 += max(duration, .zero) }
                await Task.yield()
            },
            jitter: { 0.5 })
    }
}
