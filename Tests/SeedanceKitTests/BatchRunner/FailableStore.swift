import Foundation
import SeedanceAPI
import Synchronization

/// A ``TaskStore`` whose writes can be made to fail, as a full disk would; reads pass through.
final class FailableStore: TaskStore {
    let base: any TaskStore
    private let failing = Mutex(false)

    init(base: any TaskStore) {
        self.base = base
    }

    var location: String { base.location }

    func setFailing(_ value: Bool) { failing.withLock { $0 = value } }

    private func check() throws(StateStoreError) {
        if failing.withLock({ $0 }) { throw StateStoreError(operation: "write", location: location, message: "disk I/O error") }
    }

    func recordIntent(_ record: TaskRecord, duplicatesSince: Date?) async throws(StateStoreError) -> IntentOutcome {
        try check()
        return try await base.recordIntent(record, duplicatesSince: duplicatesSince)
    }

    func recordAnswer(intentID: String, creation: TaskCreation, taskID: String?, reason: String?, at date: Date) async throws(StateStoreError) {
        try check()
        try await base.recordAnswer(intentID: intentID, creation: creation, taskID: taskID, reason: reason, at: date)
    }

    func recordCost(taskID: String, usd: Double, at date: Date) async throws(StateStoreError) {
        try check()
        try await base.recordCost(taskID: taskID, usd: usd, at: date)
    }

    func recordResult(taskID: String, status: TaskStatus, reason: String?, outputPath: String?, at date: Date) async throws(StateStoreError)
        -> TaskRecord?
    {
        try check()
        return try await base.recordResult(taskID: taskID, status: status, reason: reason, outputPath: outputPath, at: date)
    }

    func records(matching filter: TaskFilter) async throws(StateStoreError) -> [TaskRecord] { try await base.records(matching: filter) }

    func createBatch(_ batch: BatchRecord, items: [BatchItemRecord]) async throws(StateStoreError) {
        try check()
        try await base.createBatch(batch, items: items)
    }

    func batch(id: String) async throws(StateStoreError) -> BatchRecord? { try await base.batch(id: id) }
    func items(ofBatch batchID: String) async throws(StateStoreError) -> [BatchItemRecord] { try await base.items(ofBatch: batchID) }

    func claim(_ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date, retryingFailed: Bool) async throws(StateStoreError)
        -> ClaimOutcome
    {
        try check()
        return try await base.claim(item, by: owner, leaseUntil: leaseUntil, at: date, retryingFailed: retryingFailed)
    }

    func release(_ item: BatchItemKey, by owner: ClaimOwner) async throws(StateStoreError) -> Bool {
        try check()
        return try await base.release(item, by: owner)
    }

    func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date)
        async throws(StateStoreError) -> Bool
    {
        try check()
        return try await base.finishItem(item, by: owner, state: state, error: error, output: output, at: date)
    }
}
