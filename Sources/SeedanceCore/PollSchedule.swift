/// How long to wait between task reads: starts short, grows to a ceiling, with jitter.
public struct PollSchedule: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    /// Each wait is the previous one times this factor, up to ``maximum``.
    public var growth: Double
    /// The fraction (0…1) by which a wait may be shortened or lengthened at random.
    public var jitter: Double

    public init(initial: Duration, maximum: Duration, growth: Double, jitter: Double) {
        self.initial = initial
        self.maximum = maximum
        self.growth = growth
        self.jitter = jitter
    }

    /// 2 s, growing by half each time to 10 s, ±20 %.
    public static let standard = PollSchedule(initial: .seconds(2), maximum: .seconds(10), growth: 1.5, jitter: 0.2)

    /// The wait after poll number `poll` (1-based), given a random draw in `0..<1`.
    public func interval(afterPoll poll: Int, draw: Double) -> Duration {
        var base = initial
        for _ in 1..<max(poll, 1) where base < maximum {
            base = base * growth
        }
        base = min(base, maximum)
        let factor = 1 + jitter * (2 * min(max(draw, 0), 1) - 1)
        return base * factor
    }
}
