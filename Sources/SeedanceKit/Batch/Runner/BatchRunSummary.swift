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
    public var exitStatus: BatchExitStatus

    public init(items: [BatchItemResult], spentUSD: Double, stop: Stop?) {
        self.items = items
        self.spentUSD = spentUSD
        self.stop = stop
        self.exitStatus = BatchExitStatus.decide(
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
        case spentUSD = "spent_usd", exitStatus = "status", exitCode = "exit_code"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exitStatus.name, forKey: .exitStatus)
        try container.encode(exitStatus.rawValue, forKey: .exitCode)
        try container.encode(spentUSD, forKey: .spentUSD)
        try container.encodeIfPresent(stop, forKey: .stop)
        try container.encode(items, forKey: .items)
    }
}
