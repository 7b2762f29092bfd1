/// How often and how long to retry, with capped exponential backoff and full jitter.
///
/// Pure: the caller supplies the random draw and the time already waited, so every decision
/// can be tested from a table.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first one included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The sum of all waits may not pass this; a longer `Retry-After` ends the retrying.
    public var maxTotalWait: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, maxTotalWait: Duration) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalWait = maxTotalWait
    }

    /// For the paid create call: few attempts, only ever after a provable refusal.
    public static let submit = RetryPolicy(
        maxAttempts: 4, baseDelay: .seconds(2), maxDelay: .seconds(30), maxTotalWait: .seconds(120))
    /// For task reads and downloads, which are safe to repeat.
    public static let read = RetryPolicy(
        maxAttempts: 6, baseDelay: .milliseconds(500), maxDelay: .seconds(8), maxTotalWait: .seconds(60))
    /// Never retries.
    public static let none = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, maxTotalWait: .zero)

    /// The wait before the next attempt, or nil to give up.
    ///
    /// - Parameters:
    ///   - attempt: attempts made so far (1 after the first failure).
    ///   - retryAfter: the server's `Retry-After`, which replaces the computed backoff.
    ///   - waitedSoFar: the sum of earlier waits.
    ///   - jitter: a random draw in `0..<1`; the backoff is scaled by it ("full jitter").
    public func delay(forAttempt attempt: Int, retryAfter: Duration? = nil, waitedSoFar: Duration = .zero, jitter: Double) -> Duration? {
        guard attempt >= 1, attempt < maxAttempts else { return nil }
        let wait: Duration
        if let retryAfter {
            wait = max(retryAfter, .zero)
        } else {
            let exponent = min(attempt - 1, 30)
            let ceiling = min(maxDelay, baseDelay * (1 << exponent))
            wait = ceiling * min(max(jitter, 0), 1)
        }
        guard waitedSoFar + wait <= maxTotalWait else { return nil }
        return wait
    }
}
