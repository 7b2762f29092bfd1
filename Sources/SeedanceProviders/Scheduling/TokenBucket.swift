internal import SeedanceCore

/// A token bucket for create calls per minute, on an injected clock (instants are `Duration`s
/// since an arbitrary origin, as ``TimeSource/now`` gives them). Pure: no waiting, no locks.
///
/// One token is taken per create. Tokens come back one per ``interval`` up to ``burst``. A 429
/// pauses every taker for its `Retry-After` or a growing backoff, whichever is longer, and
/// slows the rate by ``slowdown``, no slower than ``slowestInterval``; after ``recoveryStreak``
/// successes in a row the rate speeds up again by the same factor, never past the configured one.
///
/// At most `burst + ratePerMinute` creates fit in any 60 s, so the default burst is kept small.
public struct TokenBucket: Sendable, Hashable {
    /// The configured rate: creates per minute.
    public let ratePerMinute: Int
    /// How many creates may go back to back after a quiet spell.
    public let burst: Int
    /// The time one token takes to come back now (grows with 429s).
    public private(set) var interval: Duration
    /// Until when every taker waits after a 429; nil when not paused.
    public private(set) var pausedUntil: Duration?

    private var tokens: Double
    private var refilledAt: Duration
    private var successStreak = 0
    private var penaltiesInARow = 0

    /// The factor by which a 429 stretches the interval.
    public static let slowdown = 1.5
    /// Successes in a row that undo one slowdown.
    public static let recoveryStreak = 10
    /// The slowest the bucket gets: one create a minute.
    public static let slowestInterval = Duration.seconds(60)
    /// The backoff after a 429: 5 s, doubling with each 429 in a row, up to 60 s.
    public static func backoff(afterPenalties count: Int) -> Duration {
        min(.seconds(5) * (1 << min(max(count - 1, 0), 4)), .seconds(60))
    }

    /// The pause after the `count`-th 429 in a row: the provider's `Retry-After` when it asks for
    /// longer than the backoff, else the backoff (a `Retry-After` of 0 or 1 s after several
    /// refusals in a row would only invite the next one).
    public static func pause(retryAfter: Duration?, afterPenalties count: Int) -> Duration {
        max(retryAfter ?? .zero, backoff(afterPenalties: count))
    }

    /// The documented default burst for a rate: a fifth of it, between 1 and 5.
    public static func defaultBurst(ratePerMinute: Int) -> Int {
        min(max(ratePerMinute / 5, 1), 5)
    }

    /// A full bucket at `now`. `ratePerMinute` and `burst` below 1 count as 1.
    public init(ratePerMinute: Int, burst: Int? = nil, now: Duration) {
        let rate = max(ratePerMinute, 1)
        self.ratePerMinute = rate
        self.burst = max(burst ?? Self.defaultBurst(ratePerMinute: rate), 1)
        self.interval = Self.configuredInterval(rate)
        self.tokens = Double(self.burst)
        self.refilledAt = now
    }

    private static func configuredInterval(_ rate: Int) -> Duration {
        .seconds(60) / rate
    }

    /// The earliest instant at or after `now` when ``take(at:)`` succeeds.
    public func nextAvailable(at now: Duration) -> Duration {
        var bucket = self
        bucket.refill(at: now)
        var ready = now
        if bucket.tokens < 1 {
            ready = now + bucket.interval * (1 - bucket.tokens)
        }
        if let pausedUntil, pausedUntil > ready { ready = pausedUntil }
        return ready
    }

    /// Takes a token if one is available at `now`; false (and nothing changes) otherwise.
    public mutating func take(at now: Duration) -> Bool {
        guard nextAvailable(at: now) <= now else { return false }
        refill(at: now)
        tokens -= 1
        if let pausedUntil, pausedUntil <= now { self.pausedUntil = nil }
        return true
    }

    /// A 429: everyone waits until `now` plus ``pause(retryAfter:afterPenalties:)``, the pause
    /// ends with one token rather than a full burst, and the rate slows.
    public mutating func penalize(retryAfter: Duration?, at now: Duration) {
        penaltiesInARow += 1
        successStreak = 0
        let until = now + Self.pause(retryAfter: retryAfter, afterPenalties: penaltiesInARow)
        pausedUntil = max(pausedUntil ?? until, until)
        refill(at: now)
        tokens = 1
        refilledAt = pausedUntil ?? until
        interval = min(interval * Self.slowdown, max(Self.slowestInterval, Self.configuredInterval(ratePerMinute)))
    }

    /// A create that the provider accepted; enough in a row undo one slowdown.
    public mutating func recordSuccess() {
        penaltiesInARow = 0
        successStreak += 1
        guard successStreak >= Self.recoveryStreak else { return }
        successStreak = 0
        interval = max(interval / Self.slowdown, Self.configuredInterval(ratePerMinute))
    }

    private mutating func refill(at now: Duration) {
        guard now > refilledAt else { return }
        tokens = min(Double(burst), tokens + (now - refilledAt) / interval)
        refilledAt = now
    }
}
