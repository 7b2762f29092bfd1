public import SeedanceAPI

/// Where a batch stands, for the status block: items per phase, estimated spend, and an ETA.
public struct BatchProgress: Sendable, Hashable {
    /// The phases a person sees (coarser than ``BatchRunItemState``).
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        case checking
        case preparing
        /// Waiting for the rate limit or for a free in-flight slot.
        case rateLimited = "rate_limited"
        case submitted
        case running
        case done
        case failed
        /// Sent, but whether the provider took it is unknown.
        case unknown

        /// The word shown in the status block and the plain progress lines.
        public var label: String {
            self == .rateLimited ? "rate-limited" : rawValue
        }

        /// The word shown where columns are short.
        public var shortLabel: String {
            switch self {
            case .checking: "check"
            case .preparing: "prep"
            case .rateLimited: "wait"
            case .submitted: "sent"
            case .running: "run"
            case .done: "done"
            case .failed: "fail"
            case .unknown: "unknown"
            }
        }
    }

    public private(set) var counts: [Phase: Int]
    /// Estimated spend of the items submitted so far.
    public var spent: CostEstimate
    /// Estimated spend of the whole batch, what ``spent`` is a part of; unknown when not given.
    public var estimate: CostEstimate
    /// Time until the batch is expected to end; nil when there is no basis for a guess yet.
    public var eta: Duration?

    public init(counts: [Phase: Int] = [:], spent: CostEstimate = .zero, estimate: CostEstimate = .unknown, eta: Duration? = nil) {
        self.counts = counts
        self.spent = spent
        self.estimate = estimate
        self.eta = eta
    }

    public subscript(phase: Phase) -> Int {
        get { counts[phase] ?? 0 }
        set { counts[phase] = max(newValue, 0) }
    }

    /// Moves one item from `old` (nil: a new item) to `new`.
    public mutating func move(from old: Phase?, to new: Phase) {
        if let old { self[old] -= 1 }
        self[new] += 1
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// Items that will not change any more.
    public var ended: Int { self[.done] + self[.failed] + self[.unknown] }
}
