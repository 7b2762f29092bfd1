/// Why a run refused to start; nothing was sent. (Problems during a run end in the summary.)
public struct BatchRunError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Two items share an id.
        case duplicateItemID = "duplicate_item_id"
        /// `--max-spend` is set and some item to send has no known price.
        case unknownPriceWithCap = "unknown_price_with_cap"
        /// The state store could not be opened or read.
        case ledgerUnavailable = "ledger_unavailable"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
