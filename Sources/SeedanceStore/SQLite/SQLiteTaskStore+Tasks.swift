public import Foundation
internal import GRDB
public import SeedanceCore

extension SQLiteTaskStore {
    public func recordIntent(_ record: TaskRecord, duplicatesSince: Date?) async throws(StateStoreError) -> IntentOutcome {
        try await write("record intent") { db in
            if let key = record.batchItem, let earlier = try Self.sentRecord(for: key, db) {
                return .duplicate(of: earlier)
            }
            if let since = duplicatesSince, let earlier = try Self.mayBePaid(like: record, since: since, db) {
                return .duplicate(of: earlier)
            }
            var intent = record
            intent.state = .intent
            intent.creation = .unknown
            try intent.insert(db)
            if let key = record.batchItem {
                try db.execute(
                    sql: "UPDATE batch_items SET state = ?, intent_id = ? WHERE batch_id = ? AND item_id = ?",
                    arguments: [BatchItemState.sent.rawValue, record.intentID, key.batchID, key.itemID])
            }
            return .recorded
        }
    }

    public func recordAnswer(intentID: String, creation: TaskCreation, taskID: String?, reason: String?, at date: Date) async throws(StateStoreError)
    {
        try await write("record answer") { db in
            try db.execute(
                sql: """
                    UPDATE tasks SET state = ?, creation = ?, task_id = COALESCE(?, task_id), reason = COALESCE(?, reason), updated_at = ?
                    WHERE intent_id = ?
                    """,
                arguments: [creation.answeredState.rawValue, creation.rawValue, taskID, reason, date, intentID])
        }
    }

    public func recordCost(taskID: String, usd: Double, at date: Date) async throws(StateStoreError) {
        try await write("record cost") { db in
            try db.execute(sql: "UPDATE tasks SET cost_usd = ?, updated_at = ? WHERE task_id = ?", arguments: [usd, date, taskID])
        }
    }

    @discardableResult
    public func recordResult(taskID: String, status: TaskStatus, reason: String?, outputPath: String?, at date: Date) async throws(StateStoreError)
        -> TaskRecord?
    {
        let state = TaskState(finished: status) ?? .submitted
        let reason = reason.flatMap { $0.isEmpty ? nil : $0 }
        return try await write("record task result") { db in
            try db.execute(
                sql: """
                    UPDATE tasks SET state = ?, creation = ?, provider_status = ?, reason = COALESCE(?, reason),
                        output_path = COALESCE(?, output_path), updated_at = ?
                    WHERE task_id = ?
                    """,
                arguments: [state.rawValue, TaskCreation.created.rawValue, status.rawValue, reason, outputPath, date, taskID])
            return try Row.fetchOne(
                db, sql: "SELECT \(TaskRecord.columns) FROM tasks WHERE task_id = ? ORDER BY created_at DESC", arguments: [taskID]
            )
            .map(TaskRecord.init(row:))
        }
    }

    public func records(matching filter: TaskFilter) async throws(StateStoreError) -> [TaskRecord] {
        try await read("read records") { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let states = filter.states {
                conditions.append("state IN (\(databaseQuestionMarks(count: states.count)))")
                arguments += StatementArguments(states.map(\.rawValue).sorted())
            }
            if let batchID = filter.batchID {
                conditions.append("batch_id = ?")
                arguments += [batchID]
            }
            if let taskID = filter.taskID {
                conditions.append("task_id = ?")
                arguments += [taskID]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT \(TaskRecord.columns) FROM tasks \(whereClause) ORDER BY created_at, rowid", arguments: arguments
            )
            .map(TaskRecord.init(row:))
        }
    }

    /// The newest record for the same request that may already be paid for.
    private static func mayBePaid(like record: TaskRecord, since: Date, _ db: Database) throws -> TaskRecord? {
        let states = TaskState.allCases.filter(\.mayBePaid).map(\.rawValue)
        return try Row.fetchOne(
            db,
            sql: """
                SELECT \(TaskRecord.columns) FROM tasks
                WHERE fingerprint = ? AND model = ? AND base_url = ? AND created_at >= ?
                    AND state IN (\(databaseQuestionMarks(count: states.count)))
                ORDER BY created_at DESC LIMIT 1
                """,
            arguments: [record.fingerprint, record.model, record.baseURL, since] + StatementArguments(states)
        ).map(TaskRecord.init(row:))
    }

    /// The record an item was already sent as, if any.
    /// The item's linked record, when it may be paid for: a refused one (a 429 included)
    /// provably made nothing, so the item may be sent again: a 429 is retried.
    static func sentRecord(for key: BatchItemKey, _ db: Database) throws -> TaskRecord? {
        let states = TaskState.allCases.filter(\.mayBePaid).map(\.rawValue)
        return try Row.fetchOne(
            db,
            sql: """
                SELECT \(TaskRecord.columns) FROM tasks
                WHERE intent_id = (SELECT intent_id FROM batch_items WHERE batch_id = ? AND item_id = ?)
                    AND state IN (\(databaseQuestionMarks(count: states.count)))
                """,
            arguments: StatementArguments([key.batchID, key.itemID] + states)
        ).map(TaskRecord.init(row:))
    }
}

extension TaskRecord {
    /// The batch item this record belongs to, if any.
    public var batchItem: BatchItemKey? {
        guard let batchID, let itemID else { return nil }
        return BatchItemKey(batchID: batchID, itemID: itemID)
    }
}
