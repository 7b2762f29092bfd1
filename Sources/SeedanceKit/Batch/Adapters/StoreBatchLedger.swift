public import Foundation
public import SeedanceAPI

/// The batch's ledger in the state store (``TaskStore``): the batch's item rows, claimed in a
/// transaction before an item is prepared, and the task rows the client writes around each POST.
///
/// What the client records (the intent before the POST, the typed answer after it, linked to
/// the item in the intent's transaction) is not written here.
public struct StoreBatchLedger: BatchLedger {
    public let store: any TaskStore
    public let batchID: String
    public let manifestPath: String
    public let owner: ClaimOwner
    /// How long a claim holds without renewal; a claim of a dead process is taken over at once.
    public let lease: TimeInterval

    public init(store: any TaskStore, batchID: String, manifestPath: String, owner: ClaimOwner = .currentProcess(), lease: TimeInterval = 30 * 60) {
        self.store = store
        self.batchID = batchID
        self.manifestPath = manifestPath
        self.owner = owner
        self.lease = lease
    }

    /// The batch id for a manifest: one per manifest file, so the same command resumes it.
    public static func batchID(forManifestAt url: URL) -> String {
        "batch-" + SHA256Hex.digest(of: url.standardizedFileURL.resolvingSymlinksInPath().path).prefix(16)
    }

    func key(_ itemID: String) -> BatchItemKey { BatchItemKey(batchID: batchID, itemID: itemID) }

    public func open(_ items: [BatchLedgerItem]) async throws -> [BatchLedgerEntry] {
        try await store.createBatch(
            BatchRecord(id: batchID, manifestPath: manifestPath, createdAt: Date()),
            items: items.map { BatchItemRecord(batchID: batchID, itemID: $0.id, line: $0.line, estimatedCostUSD: $0.estimatedCostUSD) })
        let rows = try await store.items(ofBatch: batchID)
        let tasks = try await store.records(matching: TaskFilter(batchID: batchID))
        let byIntent = Dictionary(tasks.map { ($0.intentID, $0) }, uniquingKeysWith: { _, last in last })
        let now = Date()
        return rows.map { row in
            Self.entry(for: row, task: row.intentID.flatMap { byIntent[$0] }, heldElsewhere: heldElsewhere(row, at: now))
        }
    }

    /// Whether another process that is still running holds the item (its create may be in flight).
    func heldElsewhere(_ row: BatchItemRecord, at date: Date) -> Bool {
        guard let holder = row.claimedBy, holder != owner.id, let pid = row.claimedPID else { return false }
        return ProcessLiveness.isAlive(pid: pid, host: row.claimedHost ?? "") && (row.leaseUntil.map { $0 > date } ?? false)
    }

    /// What an item's rows say about it: its stored stage (``BatchItemStage``), with what only
    /// this process can see. Pure but for one file check: every case is a table test.
    /// - Parameter heldElsewhere: another live process holds the item: an intent without an
    ///   answer is its create in flight, not an unknown outcome (the claim then leaves it to it).
    static func entry(for row: BatchItemRecord, task: TaskRecord?, heldElsewhere: Bool = false) -> BatchLedgerEntry {
        var stage = BatchItemStage(item: row, task: task)
        switch stage {
        case .awaitingAnswer where heldElsewhere && task != nil:
            stage = .unsent
        case .downloaded(let output) where task != nil && !FileManager.default.fileExists(atPath: output):
            // Recorded as saved, since moved or deleted: fetch it again.
            stage = .succeeded
        default:
            break
        }
        return BatchLedgerEntry(itemID: row.itemID, stage: stage, taskID: task?.taskID)
    }

    public func claim(_ itemID: String, resending: Bool) async throws -> Bool {
        let outcome = try await store.claim(
            key(itemID), by: owner, leaseUntil: Date().addingTimeInterval(lease), at: Date(), retryingFailed: resending)
        switch outcome {
        case .claimed: return true
        case .heldByAnother, .alreadySent, .finished: return false
        case .notFound: throw StoreBatchLedgerError(message: "batch \(batchID) has no item \(itemID) in \(store.location)")
        }
    }

    /// Gives the claim back, so a later run in this same (living) process, under a new owner,
    /// does not wait for the lease. (A dead process's claims are taken over without it.)
    public func release(_ itemID: String) async throws {
        try await store.release(key(itemID), by: owner)
    }

    public func recordNotSent(_ itemID: String, reason: String) async throws {
        try await store.finishItem(key(itemID), by: owner, state: .skipped, error: reason, output: nil, at: Date())
    }

    public func recordTaskFinished(_ itemID: String, result: TaskSnapshot) async throws {
        try await store.recordResult(taskID: result.taskID, status: result.status, reason: result.reason, outputPath: nil, at: Date())
    }

    /// Two keyed writes, whatever the batch's size.
    public func recordDownloaded(_ itemID: String, ownTaskID: String?, output: String) async throws {
        let now = Date()
        if let ownTaskID {
            try await store.recordResult(taskID: ownTaskID, status: .succeeded, reason: nil, outputPath: output, at: now)
        }
        // Only the claim's owner may finish the row; a resumed item is known done by its task's output.
        try await store.finishItem(key(itemID), by: owner, state: .completed, error: nil, output: output, at: now)
    }
}

/// The store answered something the ledger cannot use: the batch stops.
public struct StoreBatchLedgerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
