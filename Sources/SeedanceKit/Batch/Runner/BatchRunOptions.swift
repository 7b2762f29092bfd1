internal import Foundation

/// How a ``BatchRunner`` runs: its workers, its bounds and its money rules.
public struct BatchRunOptions: Sendable, Hashable {
    /// Workers preparing frames at once (nil in `init`: the machine's cores).
    public var preparers: Int
    /// Prepared items waiting for the submit loop at most. Prepared frames hold megabytes, so
    /// at most `preparers + preparedBuffer + 1` items are held in memory at a time.
    public var preparedBuffer: Int
    /// Downloads at once.
    public var downloads: Int
    /// `--max-spend`: the estimated USD the batch may reach; nil for no cap.
    public var maxSpendUSD: Double?
    /// `--retry-failed`: send again items that failed (refused, failed at the provider, unusable).
    public var retryFailed: Bool
    /// Time from the start after which the run stops and reports what is still running.
    public var deadline: Duration?
    /// 429 answers for one item after which it is given up (nothing was sent; resumable).
    public var maxRateLimitedAttempts: Int

    public init(
        preparers: Int? = nil, preparedBuffer: Int? = nil, downloads: Int = 2,
        maxSpendUSD: Double? = nil, retryFailed: Bool = false, deadline: Duration? = nil, maxRateLimitedAttempts: Int = 8
    ) {
        self.preparers = max(preparers ?? ProcessInfo.processInfo.activeProcessorCount, 1)
        self.preparedBuffer = max(preparedBuffer ?? self.preparers, 1)
        self.downloads = max(downloads, 1)
        self.maxSpendUSD = maxSpendUSD
        self.retryFailed = retryFailed
        self.deadline = deadline
        self.maxRateLimitedAttempts = max(maxRateLimitedAttempts, 1)
    }
}
