/// The gate before every create call: a token bucket for the rate and a cap on tasks queued or
/// running at the provider. Named as SeedanceAPI's `CreateThrottle` names them, so that actor
/// conforms with an empty extension.
public protocol BatchCreateGate: Sendable {
    /// Waits for a create token (the bucket is paused after a 429); throws when cancelled.
    func acquireToken() async throws
    /// A 429: pause every worker for `retryAfter` (or a backoff) and slow the bucket.
    func penalize(retryAfter: Duration?) async
    /// A create the provider accepted.
    func recordSuccess() async
    /// Waits for a free in-flight slot and takes it; throws when cancelled.
    func acquireInFlight() async throws
    /// Frees a slot (the task ended, or its create made no task we can follow).
    func releaseInFlight() async
}
