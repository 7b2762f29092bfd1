public import Foundation
internal import GRDB

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
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM batch_items WHERE batch_id = ? AND item_id = ?", arguments: [item.batchID, item.itemID])
            else { return .notFound }
            var current = try BatchItemRecord(row: row)
            if current.intentID != nil, try Self.sentRecord(for: item, db) == nil {
                // Its only intent was refused (a 429 included): nothing was made, so it is unsent.
                current.intentID = nil
                if current.state == .sent { current.state = .pending }
            }
            let outcome = ClaimRule.decide(current, for: owner, at: date, retryingFailed: retryingFailed)
            guard outcome == .claimed else { return outcome }
            // A new attempt: the error of an earlier one is no longer the item's.
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
        try await write("release batch item") { db in
            try db.execute(
                sql: """
                    UPDATE batch_items SET state = ?, claimed_by = NULL, claimed_host = NULL, claimed_pid = NULL,
                        claimed_at = NULL, lease_until = NULL
                    WHERE batch_id = ? AND item_id = ? AND claimed_by = ? AND state = ? AND intent_id IS NULL
                    """,
                arguments: [BatchItemState.pending.rawValue, item.batchID, item.itemID, owner.id, BatchItemState.claimed.rawValue])
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date) async throws(StateStoreError) -> Bool {
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
    /// - Parameter retryingFailed: a `skipped` item (it ended without being sent) may be taken.
    ///   The caller has already cleared `intentID` when the item's only intent was refused.
    static func decide(_ item: BatchItemRecord, for owner: ClaimOwner, at date: Date, retryingFailed: Bool = false) -> ClaimOutcome {
        // Checked first, whatever the item's state says: an item with an intent may have been
        // POSTed, and only its task record may say what happened to it.
        if let intentID = item.intentID { return .alreadySent(intentID: intentID) }
        switch item.state {
        case .pending:
            return .claimed
        case .skipped where retryingFailed:
            return .claimed
        case .sent:
            // An intent id is always set with `sent`; a row without one is damaged, so be safe.
            return .alreadySent(intentID: "")
        case .skipped, .completed:
            return .finished(item.state)
        case .claimed:
            guard let holder = item.claimedBy, holder != owner.id else { return .claimed }
            let leaseExpired = item.leaseUntil.map { $0 <= date } ?? true
            let holderDead = item.claimedPID.map { !ProcessLiveness.isAlive(pid: $0, host: item.claimedHost ?? "") } ?? false
            return leaseExpired || holderDead ? .claimed : .heldByAnother(owner: holder)
        }
    }
}
