/// Time and randomness for retries and polling, injectable so tests run without real waits.
public struct TimeSource: Sendable {
    /// Monotonic time elapsed since an arbitrary fixed point.
    public var now: @Sendable () -> Duration
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A random draw in `0..<1`, for jitter.
    public var jitter: @Sendable () -> Double

    public init(
        now: @escaping @Sendable () -> Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        jitter: @escaping @Sendable () -> Double
    ) {
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    private static let origin = ContinuousClock.now

    /// The real clock, `Task.sleep` and the system random generator.
    public static let system = TimeSource(
        now: { origin.duration(to: .now) },
        sleep: { try await Task.sleep(for: $0) },
        jitter: { Double.random(in: 0..<1) })
}
