/// How a run ended: every item's result, the spend, why it stopped early (if it did), and the
/// exit status. Encodes as the `--json` document.
public struct BatchRunSummary: Sendable, Hashable, Encodable {
    /// Why the run stopped before every item ended.
    public enum Stop: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// The next item would have taken the spend past the cap.
        case spendingCap(message: String)
        /// The run's deadline passed.
        case deadline
        /// The run's task was cancelled.
        case cancelled
        /// The state store failed: nothing more was sent.
        case ledgerFailed(message: String)

        public var description: String {
            switch self {
            case .spendingCap(let message): message
            case .deadline: "the deadline passed while tasks were still running"
            case .cancelled: "the run was cancelled"
            case .ledgerFailed(let message): "the state store failed: \(message); nothing more was sent"
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// In manifest order.
    public var items: [BatchItemResult]
    public var spentUSD: Double
    public var stop: Stop?
    public var outcome: BatchOutcome
    /// What this run's prepare stage did, and how long it took.
    public var preparation: BatchPreparation

    public init(items: [BatchItemResult], spentUSD: Double, stop: Stop?, preparation: BatchPreparation = BatchPreparation()) {
        self.items = items
        self.spentUSD = spentUSD
        self.stop = stop
        self.preparation = preparation
        self.outcome = BatchOutcome.decide(
            failed: items.count(where: Self.isFailed), outcomeUnknown: items.count { $0.state == .outcomeUnknown },
            capped: items.count { $0.state == .capped }, unfinished: items.count { !$0.state.isFinal },
            ledgerFailed: { if case .ledgerFailed = stop { true } else { false } }())
    }

    /// A failure needs a person: failed items, and succeeded ones whose video could not be saved.
    static func isFailed(_ item: BatchItemResult) -> Bool {
        item.state == .failed || (item.state == .succeeded && item.error != nil)
    }

    public var counts: [BatchRunItemState: Int] {
        items.reduce(into: [:]) { $0[$1.state, default: 0] += 1 }
    }

    enum CodingKeys: String, CodingKey {
        case items, stop
        case spentUSD = "spent_usd"
        case outcome = "status"
    }

    /// `status`, `spent_usd`, `stop`, the preparation's fields, and `items`. (The command line
    /// adds its `exit_code`: the numbers are the CLI's.)
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(spentUSD, forKey: .spentUSD)
        try container.encodeIfPresent(stop, forKey: .stop)
        try preparation.encode(to: encoder)
        try container.encode(items, forKey: .items)
    }
}

/// The prepare stage of one run: items and frames made ready to send, and the wall time from the
/// first item's preparation starting to the last one's ending (workers overlap within it).
public struct BatchPreparation: Sendable, Hashable, Encodable {
    public var items: Int
    public var frames: Int
    public var seconds: Double

    public init(items: Int = 0, frames: Int = 0, seconds: Double = 0) {
        self.items = items
        self.frames = frames
        self.seconds = seconds
    }

    /// Frames per second of the stage's wall time; nil when nothing was prepared.
    public var framesPerSecond: Double? {
        frames > 0 && seconds > 0 ? Double(frames) / seconds : nil
    }

    enum CodingKeys: String, CodingKey {
        case items = "items_prepared"
        case frames = "frames_prepared"
        case seconds = "prepare_seconds"
    }
}
