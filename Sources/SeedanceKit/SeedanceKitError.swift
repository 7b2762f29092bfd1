/// A failure of the prepare-and-submit glue, with a kind to match on: a frame that cannot be
/// sent, or a batch that refuses to start. (Problems during a batch run end in its summary.)
///
/// Failures of the layers below keep their own types (FrameKit's `FrameError`, SeedanceAPI's
/// `SeedanceError`, `RequestValidationError`, `ModelFileError`); this covers what only this layer knows.
public struct SeedanceKitError: Error, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A frame breaks the rules and fixing was turned off.
        case frameNotCompliant = "frame_not_compliant"
        /// A frame URL could not be fetched (refused address, too large, HTTP error).
        case frameFetchFailed = "frame_fetch_failed"
        /// The image library died (abort, segfault, killed for memory or time) on a frame, in a
        /// contained preparation worker, twice: the frame is not usable as it is. Nothing was sent.
        case imageLibraryCrashed = "image_library_crashed"
        /// A contained preparation worker could not be started (its executable missing or not
        /// runnable, no processes left). Nothing was sent.
        case frameWorkerUnavailable = "frame_worker_unavailable"
        /// A batch refused to start: two items share an id. Nothing was sent.
        case duplicateItemID = "duplicate_item_id"
        /// A batch refused to start: it has a spending cap and some item to send has no known
        /// price. Nothing was sent.
        case unknownPriceWithCap = "unknown_price_with_cap"
        /// A batch refused to start: its state store could not be opened or read. Nothing was sent.
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
