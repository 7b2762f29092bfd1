internal import GRDB
internal import SeedanceCore

extension SQLiteTaskStore {
    /// The schema, one migration per change; never edit a shipped migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: tasks, batches, legacy imports") { db in
            try db.create(table: "tasks") { t in
                t.primaryKey("intent_id", .text)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("model", .text).notNull()
                t.column("base_url", .text).notNull()
                t.column("fingerprint", .text).notNull()
                // JSON array of {role, source, sha256}: never image bytes, never the key.
                t.column("inputs", .jsonText).notNull().defaults(to: "[]")
                t.column("task_id", .text)
                t.column("state", .text).notNull()
                t.column("provider_status", .text)
                t.column("reason", .text)
                t.column("output_path", .text)
                t.column("estimated_cost_usd", .double)
                t.column("batch_id", .text)
                t.column("item_id", .text)
            }
            // The duplicate rule's lookup, and task-id lookups from status/wait/reconcile.
            try db.create(index: "tasks_on_request", on: "tasks", columns: ["fingerprint", "model", "base_url", "created_at"])
            try db.create(index: "tasks_on_task_id", on: "tasks", columns: ["task_id"])
            try db.create(index: "tasks_on_batch", on: "tasks", columns: ["batch_id", "item_id"])

            try db.create(table: "batches") { t in
                t.primaryKey("id", .text)
                t.column("manifest_path", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("options_json", .jsonText).notNull().defaults(to: "{}")
            }
            try db.create(table: "batch_items") { t in
                t.column("batch_id", .text).notNull().references("batches", onDelete: .cascade)
                t.column("item_id", .text).notNull()
                t.primaryKey(["batch_id", "item_id"])
                t.column("line", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("intent_id", .text).references("tasks")
                t.column("claimed_by", .text)
                t.column("claimed_host", .text)
                t.column("claimed_pid", .integer)
                t.column("claimed_at", .datetime)
                t.column("lease_until", .datetime)
                t.column("error", .text)
                t.column("output", .text)
                t.column("estimated_cost_usd", .double)
            }

            try db.create(table: "legacy_imports") { t in
                t.primaryKey("path", .text)
                t.column("imported_at", .datetime).notNull()
                t.column("events", .integer).notNull()
                t.column("records", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: tasks.creation") { db in
            // Rows written by 0.4.0 get what they prove (``TaskCreation/derived``), `unknown`
            // where they prove nothing: the safe side, since it blocks a resend.
            try db.alter(table: "tasks") { t in
                t.add(column: "creation", .text).notNull().defaults(to: TaskCreation.unknown.rawValue)
            }
            let rows = try Row.fetchAll(db, sql: "SELECT intent_id, state, task_id, reason FROM tasks")
            for row in rows {
                let state: TaskState = try StoredEnum.decode(row["state"], column: "state")
                let creation = TaskCreation.derived(state: state, taskID: row["task_id"], reason: row["reason"])
                try db.execute(sql: "UPDATE tasks SET creation = ? WHERE intent_id = ?", arguments: [creation.rawValue, row["intent_id"] as String])
            }
        }
        migrator.registerMigration("v3: tasks.provider, tasks.echo, tasks.cost_usd") { db in
            // Every row before this was sent to novita, the only provider then, which cannot
            // list tasks: nothing to echo.
            try db.alter(table: "tasks") { t in
                t.add(column: "provider", .text).notNull().defaults(to: TaskRecord.defaultProvider)
                t.add(column: "echo", .jsonText).notNull().defaults(to: "{}")
                // The actual cost from the provider's usage; nil where only an estimate exists.
                t.add(column: "cost_usd", .double)
            }
        }
        return migrator
    }
}
