public import Foundation

/// One run of a manifest: one row of `batches`.
public struct BatchRecord: Sendable, Hashable, Codable {
    public var id: String
    /// The manifest file the batch came from, as given.
    public var manifestPath: String
    public var createdAt: Date
    /// The batch's options (caps, rates, defaults) as a JSON object, for reruns and reports.
    public var optionsJSON: String

    public init(id: String, manifestPath: String, createdAt: Date, optionsJSON: String = "{}") {
        self.id = id
        self.manifestPath = manifestPath
        self.createdAt = createdAt
        self.optionsJSON = optionsJSON
    }

    enum CodingKeys: String, CodingKey {
        case id
        case manifestPath = "manifest_path"
        case createdAt = "created_at"
        case optionsJSON = "options_json"
    }
}

/// The item row's own column: where a batch item stands before and up to its POST; after that,
/// its task record (``BatchItemRecord/intentID``) says the rest. Decisions read the two together
/// as one ``BatchItemStage``, never this alone.
public enum BatchItemState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nobody works on it.
    case pending
    /// An owner is preparing it; see ``BatchItemRecord/claimedBy``.
    case claimed
    /// Its intent is recorded: it was, or may have been, POSTed. Follow its task record.
    case sent
    /// Not sent, and will not be: e.g. an unusable input (see ``BatchItemRecord/error``).
    case skipped
    /// Done: the video is saved (see ``BatchItemRecord/output``).
    case completed
}

/// Who holds a claim: a process on a host. The id is unique per run.
public struct ClaimOwner: Sendable, Hashable, Codable {
    public var id: String
    public var host: String
    public var pid: Int32

    public init(id: String, host: String, pid: Int32) {
        self.id = id
        self.host = host
        self.pid = pid
    }

    /// This process, with a fresh id.
    public static func currentProcess() -> ClaimOwner {
        let pid = ProcessInfo.processInfo.processIdentifier
        let host = ProcessLiveness.hostName
        return ClaimOwner(id: "\(host):\(pid):\(UUID().uuidString.prefix(8).lowercased())", host: host, pid: pid)
    }
}

/// One manifest line of a batch: one row of `batch_items`.
public struct BatchItemRecord: Sendable, Hashable, Codable {
    public var batchID: String
    /// The item's id, unique in its batch (from the manifest, or the line number).
    public var itemID: String
    /// The manifest line it came from (1-based).
    public var line: Int
    public var state: BatchItemState
    /// The submission made for it, once its intent is recorded.
    public var intentID: String?
    public var claimedBy: String?
    public var claimedHost: String?
    public var claimedPID: Int32?
    public var claimedAt: Date?
    public var leaseUntil: Date?
    /// Why it was skipped or failed locally.
    public var error: String?
    /// Where its video was saved.
    public var output: String?
    public var estimatedCostUSD: Double?

    public init(batchID: String, itemID: String, line: Int, state: BatchItemState = .pending, estimatedCostUSD: Double? = nil) {
        self.batchID = batchID
        self.itemID = itemID
        self.line = line
        self.state = state
        self.estimatedCostUSD = estimatedCostUSD
    }

    public var key: BatchItemKey { BatchItemKey(batchID: batchID, itemID: itemID) }

    enum CodingKeys: String, CodingKey {
        case line, state, error, output
        case batchID = "batch_id"
        case itemID = "item_id"
        case intentID = "intent_id"
        case claimedBy = "claimed_by"
        case claimedHost = "claimed_host"
        case claimedPID = "claimed_pid"
        case claimedAt = "claimed_at"
        case leaseUntil = "lease_until"
        case estimatedCostUSD = "estimated_cost_usd"
    }
}
