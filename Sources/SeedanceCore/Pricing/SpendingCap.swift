/// The spending guard: admits the next item only while the estimated total stays within
/// the cap.
///
/// The cap is checked before an item is submitted, with that item's estimate included, so the
/// batch stops *before* it would pass the cap, never after. Unknown prices cannot be capped, so a
/// cap with any unknown estimate refuses to start at all.
public struct SpendingCap: Sendable, Hashable {
    /// Why the next item (or the whole batch) is not admitted.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// Submitting the next item would take the estimated spend past the cap.
        case wouldExceed(next: Double, spent: Double, limit: Double)
        /// An item's price is unknown, so no cap can be kept.
        case unknownPrice

        public var description: String {
            switch self {
            case .wouldExceed(let next, let spent, let limit):
                "the next item (\(CostEstimate(usd: next))) would take the spend from "
                    + "\(CostEstimate(usd: spent)) past the cap of USD \(CostEstimate.dollars(limit)); stopped before submitting it"
            case .unknownPrice:
                "a spending cap needs a price for every item, and at least one model's price is unknown"
            }
        }
    }

    /// The cap in USD.
    public let limit: Double
    /// The estimated USD of the items admitted so far.
    public private(set) var spent: Double

    public init(limit: Double, spent: Double = 0) {
        self.limit = limit
        self.spent = spent
    }

    /// Whether a batch with these estimates may start: every price must be known.
    public static func checkStart(_ estimates: some Sequence<CostEstimate>) throws(Refusal) {
        if estimates.contains(where: { !$0.isKnown }) { throw .unknownPrice }
    }

    /// Nil when `next` fits under the cap, else why not.
    public func refusal(for next: CostEstimate) -> Refusal? {
        guard let usd = next.usd else { return .unknownPrice }
        // A tolerance of a thousandth of a cent keeps 0.1 + 0.2 from failing a cap of 0.3.
        return spent + usd > limit + 0.000_01 ? .wouldExceed(next: usd, spent: spent, limit: limit) : nil
    }

    /// Whether `next` fits under the cap.
    public func admits(_ next: CostEstimate) -> Bool {
        refusal(for: next) == nil
    }

    /// Counts `next` as spent if it fits; throws and counts nothing otherwise.
    public mutating func admit(_ next: CostEstimate) throws(Refusal) {
        if let refusal = refusal(for: next) { throw refusal }
        spent += next.usd ?? 0
    }
}
