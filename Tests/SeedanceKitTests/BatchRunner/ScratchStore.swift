import Foundation
import SeedanceAPI
import SeedanceStore

@testable import SeedanceKit

/// The runner tests' store: a real ``SQLiteTaskStore`` in a scratch folder (the test's
/// ``withScratchFolder(_:_:)-(_,(URL)->T)`` removes it), seen by each "process" through the real ``StoreBatchLedger`` with its own
/// owner, and written around each create call by ``FakeCreator`` as the real client does. So
/// the claim and resume rules under test are the store's own (the TaskStore contract's).
final class ScratchStore: Sendable {
    static let batchID = "batch-test"

    let sqlite: SQLiteTaskStore
    /// What the runner and the creator use: the SQLite store, with writes that can be made to fail.
    let store: FailableStore

    init(in folder: URL) throws {
        sqlite = try SQLiteTaskStore(directory: folder)
        store = FailableStore(base: sqlite)
    }

    static func owner(_ id: String) -> ClaimOwner {
        ClaimOwner(id: id, host: ClaimOwner.currentProcess().host, pid: ProcessInfo.processInfo.processIdentifier)
    }

    func ledger(owner: String) -> StoreBatchLedger {
        StoreBatchLedger(store: store, batchID: Self.batchID, manifestPath: "manifest.jsonl", owner: Self.owner(owner))
    }

    func key(_ itemID: String) -> BatchItemKey { BatchItemKey(batchID: Self.batchID, itemID: itemID) }

    /// Every later write throws (the store went away).
    func setFailWrites(_ value: Bool) { store.setFailing(value) }

    /// The item's stored stage and task id, as the store's rows say (no file check).
    func entry(_ itemID: String) async throws -> BatchLedgerEntry? {
        guard let item = try await sqlite.items(ofBatch: Self.batchID).first(where: { $0.itemID == itemID }) else { return nil }
        let task = try await item.intentID.asyncMap { id in try await sqlite.records(matching: .all).first { $0.intentID == id } } ?? nil
        return BatchLedgerEntry(itemID: itemID, stage: BatchItemStage(item: item, task: task), taskID: task?.taskID)
    }

    /// Items some owner still holds without having sent them.
    func heldClaims() async throws -> [String] {
        try await sqlite.items(ofBatch: Self.batchID).filter { $0.state == .claimed }.map(\.itemID)
    }

    /// Registers `itemID` (line 1) as an earlier run would have.
    private func register(_ itemID: String) async throws {
        try await sqlite.createBatch(
            BatchRecord(id: Self.batchID, manifestPath: "manifest.jsonl", createdAt: Date()),
            items: [BatchItemRecord(batchID: Self.batchID, itemID: itemID, line: 1, estimatedCostUSD: 0.26)])
    }

    /// `owner`, a live process, holds the item for the next ten minutes.
    func presetClaim(_ itemID: String, owner: String) async throws {
        try await register(itemID)
        _ = try await sqlite.claim(key(itemID), by: Self.owner(owner), leaseUntil: Date().addingTimeInterval(600), at: Date())
    }

    /// A run whose lease has lapsed committed the item's intent and died before the answer,
    /// or (`answer`) recorded this answer.
    func presetSent(_ itemID: String, answer: TaskCreation? = nil, taskID: String? = nil) async throws {
        try await register(itemID)
        let past = Date().addingTimeInterval(-60)
        _ = try await sqlite.claim(key(itemID), by: Self.owner("crashed"), leaseUntil: past, at: past)
        let intentID = "intent-\(itemID)"
        _ = try await sqlite.recordIntent(
            TaskRecord(intentID: intentID, createdAt: Date(), model: "m", baseURL: "u", fingerprint: intentID, batchItem: key(itemID)),
            duplicatesSince: nil)
        if let answer { try await sqlite.recordAnswer(intentID: intentID, creation: answer, taskID: taskID, reason: nil, at: Date()) }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
