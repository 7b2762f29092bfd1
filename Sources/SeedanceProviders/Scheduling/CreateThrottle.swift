public import SeedanceCore

/// The one gate every batch worker passes before a create call: a shared ``TokenBucket`` for the
/// rate and a cap on tasks queued or running at the provider.
///
/// Defaults are conservative: novita's default table lists about 20 requests per minute for
/// video models and none for Seedance, so ``defaultRatePerMinute`` is half that, and the
/// `default` tier has a lower concurrency quota than `flex`, so ``defaultMaxInFlight`` is small.
public actor CreateThrottle {
    /// `--rpm` when not given: half of the ~20 RPM novita lists for video models.
    public static let defaultRatePerMinute = 10
    /// `--max-in-flight` when not given: tasks queued or running at the provider at once.
    public static let defaultMaxInFlight = 4

    private var bucket: TokenBucket
    public let maxInFlight: Int
    private var inFlight = 0
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiter = 0
    private let timeSource: TimeSource

    public init(
        ratePerMinute: Int = CreateThrottle.defaultRatePerMinute, burst: Int? = nil,
        maxInFlight: Int = CreateThrottle.defaultMaxInFlight, timeSource: TimeSource = .system
    ) {
        self.bucket = TokenBucket(ratePerMinute: ratePerMinute, burst: burst, now: timeSource.now())
        self.maxInFlight = max(maxInFlight, 1)
        self.timeSource = timeSource
    }

    /// The bucket as it is now, for status lines (e.g. "waiting for the rate limit until …").
    public var currentBucket: TokenBucket { bucket }

    /// Tasks counted as queued or running at the provider.
    public var inFlightCount: Int { inFlight }

    /// Waits for a create token; throws `CancellationError` when the caller is cancelled.
    public func acquireToken() async throws {
        while true {
            try Task.checkCancellation()
            let now = timeSource.now()
            if bucket.take(at: now) { return }
            // Re-checked after every wait: a 429 meanwhile may have moved the next slot.
            try await timeSource.sleep(bucket.nextAvailable(at: now) - now)
        }
    }

    /// A 429 from the provider: pauses every worker and slows the rate.
    public func penalize(retryAfter: Duration?) {
        bucket.penalize(retryAfter: retryAfter, at: timeSource.now())
    }

    /// A create the provider accepted.
    public func recordSuccess() {
        bucket.recordSuccess()
    }

    /// Waits until fewer than ``maxInFlight`` tasks are at the provider, then counts one more.
    /// Waiters are served in order; a cancelled waiter leaves the queue and throws.
    public func acquireInFlight() async throws {
        try Task.checkCancellation()
        if inFlight < maxInFlight, waiters.isEmpty {
            inFlight += 1
            return
        }
        let id = nextWaiter
        nextWaiter += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// A task left the provider (finished, failed, or its create was refused): frees its slot.
    public func releaseInFlight() {
        if !waiters.isEmpty {
            // The slot passes straight to the next waiter; the count stays the same.
            waiters.removeFirst().continuation.resume()
        } else {
            inFlight = max(inFlight - 1, 0)
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
