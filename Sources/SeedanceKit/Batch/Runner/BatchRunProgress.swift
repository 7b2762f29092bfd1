/// Where a run stands, for the status block: items per state, estimated spend, an ETA.
public struct BatchRunProgress: Sendable, Hashable {
    public var counts: [BatchRunItemState: Int]
    /// Estimated USD of the items that were (or may have been) paid for.
    public var spentUSD: Double
    /// Time until every item has ended; nil when there is no basis for a guess yet.
    public var eta: Duration?

    public init(counts: [BatchRunItemState: Int] = [:], spentUSD: Double = 0, eta: Duration? = nil) {
        self.counts = counts
        self.spentUSD = spentUSD
        self.eta = eta
    }

    public subscript(state: BatchRunItemState) -> Int { counts[state] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// Items that will not change any more in this run.
    public var ended: Int { counts.filter { $0.key.isFinal }.map(\.value).reduce(0, +) }

    /// The remaining time if the rest goes as fast as what ended in this run so far: nil before
    /// anything ended, zero once nothing remains.
    public static func eta(elapsed: Duration, endedThisRun: Int, remaining: Int) -> Duration? {
        if remaining <= 0 { return .zero }
        guard endedThisRun > 0, elapsed > .zero else { return nil }
        return elapsed / endedThisRun * remaining
    }
}
