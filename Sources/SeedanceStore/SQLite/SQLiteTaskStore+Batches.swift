public import Foundation
internal import GRDB
public import SeedanceCore

extension SQLiteTaskStore {
    public func createBatch(_ batch: BatchRecord, items: [BatchItemRecord]) async throws(StateStoreError) {
        try await write("create batch") { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO batches (id, manifest_path, created_at, options_json) VALUES (?, ?, ?, ?)",
                arguments: [batch.id, batch.manifestPath, batch.createdAt, batch.optionsJSON])
            for item in items {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO batch_items (batch_id, item_id, line, state, estimated_cost_usd) VALUES (?, ?, ?, ?, ?)",
                    arguments: [batch.id, item.itemID, item.line, BatchItemState.pending.rawValue, item.estimatedCostUSD])
            }
        }
    }

    public func batch(id: String) async throws(StateStoreError) -> BatchRecord? {
        try await read("read batch") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [id]).map(BatchRecord.init(row:))
        }
    }

    public func items(ofBatch batchID: String) async throws(StateStoreError) -> [BatchItemRecord] {
        try await read("read batch items") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM batch_items WHERE batch_id = ? ORDER BY line, item_id", arguments: [batchID])
                .map(BatchItemRecord.init(row:))
        }
    }

    public func claim(
        _ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date, retryingFailed: Bool
    ) async throws(StateStoreError) -> ClaimOutcome {
        // `write` is an IMMEDIATE transaction: the read and the update below see no other writer.
        try await write("claim batch item") { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM batch_items WHERE batch_id = ? AND item_id = ?", arguments: [item.batchID, item.itemID])
            else { return .notFound }
            let current = try BatchItemRecord(row: row)
            let task = try current.intentID.flatMap { intentID in
                try Row.fetchOne(db, sql: "SELECT \(TaskRecord.columns) FROM tasks WHERE intent_id = ?", arguments: [intentID])
            }.map(TaskRecord.init(row:))
            let outcome = ClaimRule.decide(
                current, stage: BatchItemStage(item: current, task: task), for: owner, at: date, retryingFailed: retryingFailed)
            guard outcome == .claimed else { return outcome }
            // The earlier attempt stays linked: a claim sends nothing, so until this owner's own
            // intent replaces the link (``recordIntent``), the item is still that refused or
            // failed attempt, and a run without --retry-failed leaves it alone.
            try db.execute(
                sql: """
                    UPDATE batch_items SET state = ?, claimed_by = ?, claimed_host = ?, claimed_pid = ?, claimed_at = ?, lease_until = ?,
                        error = NULL
                    WHERE batch_id = ? AND item_id = ?
                    """,
                arguments: [BatchItemState.claimed.rawValue, owner.id, owner.host, owner.pid, date, leaseUntil, item.batchID, item.itemID])
            return .claimed
        }
    }

    @discardableResult
    public func release(_ item: BatchItemKey, by owner: ClaimOwner) async throws(StateStoreError) -> Bool {
        // Linked to nothing, or to an attempt that cannot be paid (not taken, refused, failed: an
        // item claimed to be retried): the link stays, so the stage it reads stays what it was.
        let unpaid = TaskState.allCases.filter { !$0.mayBePaid }.map(\.rawValue)
        return try await write("release batch item") { db in
            try db.execute(
                sql: """
                    UPDATE batch_items SET state = ?, claimed_by = NULL, claimed_host = NULL, claimed_pid = NULL,
                        claimed_at = NULL, lease_until = NULL
                    WHERE batch_id = ? AND item_id = ? AND claimed_by = ? AND state IN (?, ?)
                        AND (intent_id IS NULL OR intent_id IN (
                            SELECT intent_id FROM tasks WHERE state IN (\(databaseQuestionMarks(count: unpaid.count)))))
                    """,
                arguments: StatementArguments(
                    [
                        BatchItemState.pending.rawValue, item.batchID, item.itemID, owner.id,
                        BatchItemState.claimed.rawValue, BatchItemState.sent.rawValue,
                    ] + unpaid))
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date)
        async throws(StateStoreError) -> Bool
    {
        try await write("finish batch item") { db in
            try db.execute(
                sql: """
                    UPDATE batch_items SET state = ?, error = ?, output = ?, lease_until = NULL
                    WHERE batch_id = ? AND item_id = ? AND claimed_by = ?
                    """,
                arguments: [state.rawValue, error, output, item.batchID, item.itemID, owner.id])
            return db.changesCount > 0
        }
    }
}

/// Who may take a batch item: pure, so every case is a table-driven test.
enum ClaimRule {
    /// - Parameters:
    ///   - stage: the item's stage (``BatchItemStage/init(item:task:)``), which alone says
    ///     whether it may be sent again.
    ///   - retryingFailed: an item that ended without a paid call, or failed, may be taken.
    static func decide(
        _ item: BatchItemRecord, stage: BatchItemStage, for owner: ClaimOwner, at date: Date, retryingFailed: Bool = false
    ) -> ClaimOutcome {
        guard stage.mayBeClaimed(retryingFailed: retryingFailed) else {
            // An item with an intent may have been POSTed: only its task record says what happened.
            return item.intentID.map { .alreadySent(intentID: $0) } ?? .finished(stage)
        }
        // A live owner keeps its item after sending too: one whose create was not taken (a 429)
        // is sent again by that owner without a new claim.
        guard let holder = item.claimedBy, holder != owner.id else { return .claimed }
        let leaseExpired = item.leaseUntil.map { $0 <= date } ?? true
        let holderDead = item.claimedPID.map { !ProcessLiveness.isAlive(pid: $0, host: item.claimedHost ?? "") } ?? false
        return leaseExpired || holderDead ? .claimed : .heldByAnother(owner: holder)
    }
}
