/// The stand-in's limits on create calls, like a provider's per-account quota, so tests can
/// prove a client keeps to them.
///
/// Both limits answer 429 `RATE_LIMIT_EXCEEDED` with a `Retry-After` in whole seconds (at least 1):
/// - the create rate: a sliding window; only creates that were accepted count, so a client that
///   keeps asking too early is not punished further;
/// - the running cap: tasks queued or running at once; the message says "concurrent task limit",
///   and `Retry-After` is the time until the oldest running task ends.
/// Only valid requests reach the limits: a body the provider refuses gets its 400, not a 429.
public enum StubLimits {
    /// At most `creates` accepted creates in any `window`.
    public struct CreateRate: Sendable, Hashable {
        public var creates: Int
        public var window: Duration

        public init(creates: Int, window: Duration = .seconds(60)) {
            self.creates = creates
            self.window = window
        }
    }

    /// Whether a create may go ahead now, given the recent accepted creates and the end times of
    /// tasks still queued or running; the refusal and its Retry-After seconds when not.
    static func refusal(
        now: ContinuousClock.Instant, acceptedCreates: [ContinuousClock.Instant], runningUntil: [ContinuousClock.Instant],
        rate: CreateRate?, maxRunning: Int?
    ) -> (refusal: ProviderRefusal, retryAfter: Int)? {
        if let rate {
            let recent = acceptedCreates.filter { now - $0 < rate.window }.sorted()
            if recent.count >= max(rate.creates, 0), let oldest = recent.first {
                let wait = seconds(until: oldest + rate.window, from: now)
                let message = "create rate limit reached: \(rate.creates) per \(describe(rate.window)); retry after \(wait) s"
                return (ProviderRefusal(status: 429, reason: "RATE_LIMIT_EXCEEDED", message: message), wait)
            }
        }
        if let maxRunning {
            let running = runningUntil.filter { $0 > now }.sorted()
            if running.count >= max(maxRunning, 0) {
                let wait = running.first.map { seconds(until: $0, from: now) } ?? 1
                let message = "concurrent task limit reached: \(running.count) tasks queued or running, at most \(maxRunning); retry after \(wait) s"
                return (ProviderRefusal(status: 429, reason: "RATE_LIMIT_EXCEEDED", message: message), wait)
            }
        }
        return nil
    }

    private static func seconds(until end: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int {
        max(Int((now.duration(to: end) / .seconds(1)).rounded(.up)), 1)
    }

    private static func describe(_ window: Duration) -> String {
        window == .seconds(60) ? "minute" : "\(window / .seconds(1)) s"
    }
}
