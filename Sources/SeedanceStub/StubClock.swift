internal import NIOConcurrencyHelpers

/// The stand-in's sense of time: how far a task has got, which creates fall inside a rate
/// window, when the oldest running task ends. Real time by default; a manual clock stands still
/// until the test moves it, so a test about a window or a task's progress asserts what the stand-in
/// answers at an instant, never what a loaded machine happens to reach in a given sleep.
/// (A video URL's expiry is wall-clock time written into the URL, and stays so.)
public final class StubClock: Sendable {
    private let origin = ContinuousClock.now
    /// Nil for real time; else how far the test has moved the clock from `origin`.
    private let offset: NIOLockedValueBox<Duration>?

    private init(manual: Bool) {
        offset = manual ? NIOLockedValueBox(.zero) : nil
    }

    /// Real time.
    public static let system = StubClock(manual: false)

    /// A clock that moves only by ``advance(by:)``.
    public static func manual() -> StubClock { StubClock(manual: true) }

    /// Moves a manual clock forward; a real clock cannot be moved (a programming error).
    public func advance(by duration: Duration) {
        precondition(offset != nil, "only a manual StubClock can be advanced")
        offset?.withLockedValue { $0 += max(duration, .zero) }
    }

    var now: ContinuousClock.Instant {
        guard let offset else { return .now }
        return origin + offset.withLockedValue { $0 }
    }
}
