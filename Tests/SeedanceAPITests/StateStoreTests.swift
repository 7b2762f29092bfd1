import Foundation
import GRDB
import SeedanceAPI
import SeedanceStore
import Testing

/// What only the SQLite store does (its file, its schema, its errors); what every store does is
/// the TaskStore contract (TaskStoreContractTests).
@Suite struct StateStoreTests {
    static let model = "seedance-v1.5-pro"
    static let base = "https://api.novita.ai"

    static func record(
        _ id: String, fingerprint: String = "fp", model: String = model, baseURL: String = base,
        createdAt: Date = Date(), batchItem: BatchItemKey? = nil
    ) -> TaskRecord {
        TaskRecord(
            intentID: id, createdAt: createdAt, model: model, baseURL: baseURL, fingerprint: fingerprint,
            inputs: [TaskInput(role: "first", source: "a.png", sha256: String(repeating: "b", count: 64))], batchItem: batchItem)
    }

    @Test func freshFileIsMigratedAndInWALMode() async throws {
        try await withScratchFolder("tests") { folder in
            let store = try SQLiteTaskStore(directory: folder)
            #expect(try await store.journalMode() == "wal")
            // Read back through an independent connection, not the store's own code.
            let queue = try DatabaseQueue(path: store.fileURL.path)
            let tables = try await queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            #expect(Set(tables).isSuperset(of: ["tasks", "batches", "batch_items", "legacy_imports", "grdb_migrations"]))
            let indexes = try await queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'")
            }
            #expect(Set(indexes).isSuperset(of: ["tasks_on_request", "tasks_on_task_id"]))
            let columns = try await queue.read { db in try db.columns(in: "tasks").map(\.name) }
            #expect(columns.contains("creation"))
            // A second open of a migrated file changes nothing and fails nothing.
            _ = try SQLiteTaskStore(directory: folder)
        }
    }

    /// The library's words name the task and its state; the commands that show it are the
    /// command line's to add (CommandLineAdvice).
    @Test func messageNamesTheTaskAndItsStateButNoCommand() {
        var earlier = Self.record("i-1")
        earlier.taskID = "task-42"
        earlier.state = .submitted
        let text = DuplicateRule.message(earlier: earlier)
        for part in ["task-42", "submitted", "nothing sent"] {
            #expect(text.contains(part), "\(part) missing from: \(text)")
        }
        #expect(!text.contains("seedance ") && !text.contains("--"), "\(text)")
        earlier.taskID = nil
        earlier.state = .outcomeUnknown
        let unknown = DuplicateRule.message(earlier: earlier)
        #expect(unknown.contains("i-1") && unknown.contains("outcome_unknown") && unknown.contains("a paid task may exist"))
    }

    @Test func filtersByStateAndBatch() async throws {
        try await withScratchFolder("tests") { folder in
            let store = try SQLiteTaskStore(directory: folder)
            try await store.createBatch(
                BatchRecord(id: "b1", manifestPath: "m.jsonl", createdAt: Date()), items: [BatchItemRecord(batchID: "b1", itemID: "x", line: 1)])
            _ = try await store.recordIntent(Self.record("a", fingerprint: "1"), duplicatesSince: nil)
            _ = try await store.recordIntent(
                Self.record("b", fingerprint: "2", batchItem: BatchItemKey(batchID: "b1", itemID: "x")), duplicatesSince: nil)
            try await store.recordAnswer(intentID: "a", creation: .refused, taskID: nil, reason: "INVALID", at: Date())
            #expect(try await store.records(matching: TaskFilter(states: [.refused])).map(\.intentID) == ["a"])
            #expect(try await store.records(matching: TaskFilter(batchID: "b1")).map(\.intentID) == ["b"])
            #expect(try await store.records(matching: TaskFilter(states: [.refused], batchID: "b1")).isEmpty)
            #expect(try await store.items(ofBatch: "b1").first?.intentID == "b", "the intent links its item in the same transaction")
        }
    }

    @Test func unwritableFolderIsAStateStoreError() throws {
        // A regular file where the folder should be: unwritable even for root, unlike chmod.
        try withScratchFolder("tests") { parent in
            let blocked = parent.appendingPathComponent("seedance")
            try Data("not a folder".utf8).write(to: blocked)
            #expect(throws: StateStoreError.self) { try SQLiteTaskStore(directory: blocked) }
        }
    }

}
