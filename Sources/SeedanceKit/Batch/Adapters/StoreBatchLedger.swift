public import Foundation
public import SeedanceAPI

/// The batch's ledger in the state store (``TaskStore``): the batch's item rows, claimed in a
/// transaction before an item is prepared, and the task rows the client writes around each POST.
///
/// What the client already records (the intent before the POST, the task id or the refusal
/// after it, linked to the item in the intent's transaction) is not written twice here.
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

    /// What an item's rows say about it. Pure: every case is a table test.
    /// - Parameter heldElsewhere: another live process holds the item: an intent without an
    ///   answer is its create in flight, not an unknown outcome (the claim then leaves it to it).
    static func entry(for row: BatchItemRecord, task: TaskRecord?, heldElsewhere: Bool = false) -> BatchLedgerEntry {
        guard let task else {
            switch row.state {
            case .completed: return BatchLedgerEntry(itemID: row.itemID, stage: .downloaded(output: row.output ?? ""))
            case .skipped: return BatchLedgerEntry(itemID: row.itemID, stage: .notSentFailed(reason: row.error ?? "not sent"))
            // An intent id without its task row is damaged: it may have been sent.
            case .sent: return BatchLedgerEntry(itemID: row.itemID, stage: .intentOnly)
            case .pending, .claimed: return BatchLedgerEntry(itemID: row.itemID, stage: .notSent)
            }
        }
        let stage: BatchLedgerEntry.Stage
        switch task.state {
        case .intent: stage = heldElsewhere ? .notSent : .intentOnly
        case .submitted: stage = .created
        case .succeeded:
            if let output = task.outputPath ?? row.output, FileManager.default.fileExists(atPath: output) {
                stage = .downloaded(output: output)
            } else {
                stage = .succeeded
            }
        case .failed: stage = .taskFailed(reason: task.reason ?? "the task failed at the provider")
        case .refused where task.reason == ClientBatchCreator.notTaken: stage = .notSent
        case .refused: stage = .refused(reason: task.reason ?? "refused by the provider")
        case .outcomeUnknown: stage = .outcomeUnknown(message: task.reason ?? "the create call's outcome is unknown")
        }
        return BatchLedgerEntry(itemID: row.itemID, stage: stage, taskID: task.taskID)
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

    // Written by the client around the POST (intent, answer, refusal), linked to the item.
    public func recordCreated(_ itemID: String, taskID: String) async throws {}
    public func recordRefused(_ itemID: String, reason: String) async throws {}
    public func recordOutcomeUnknown(_ itemID: String, message: String) async throws {}
    /// Nothing is recorded for a duplicate: the next run meets the same rule and follows the
    /// same earlier task.
    public func recordDuplicate(_ itemID: String, of earlier: BatchEarlierRequest) async throws {}

    public func recordTaskFinished(_ itemID: String, result: TaskResult) async throws {
        try await store.recordResult(taskID: result.taskID, status: result.status, reason: result.reason, outputPath: nil, at: Date())
    }

    public func recordDownloaded(_ itemID: String, output: String) async throws {
        let now = Date()
        let rows = try await store.items(ofBatch: batchID)
        let tasks = try await store.records(matching: TaskFilter(batchID: batchID))
        if let intentID = rows.first(where: { $0.itemID == itemID })?.intentID,
           let taskID = tasks.first(where: { $0.intentID == intentID })?.taskID {
            try await store.recordResult(taskID: taskID, status: .succeeded, reason: nil, outputPath: output, at: now)
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
