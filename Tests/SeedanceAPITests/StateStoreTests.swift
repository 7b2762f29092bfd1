import Foundation
import GRDB
import SeedanceAPI
import Testing

/// The SQLite state store on real files in temporary folders.
@Suite struct StateStoreTests {
    static let model = "seedance-v1.5-pro"
    static let base = "https://api.novita.ai"

    static func record(_ id: String, fingerprint: String = "fp", model: String = model, baseURL: String = base,
                       createdAt: Date = Date(), batchItem: BatchItemKey? = nil) -> TaskRecord {
        TaskRecord(intentID: id, createdAt: createdAt, model: model, baseURL: baseURL, fingerprint: fingerprint,
                   inputs: [TaskInput(role: "first", source: "a.png", sha256: String(repeating: "b", count: 64))], batchItem: batchItem)
    }

    @Test func freshFileIsMigratedAndInWALMode() async throws {
        let folder = try temporaryDirectory()
        let store = try SQLiteTaskStore(directory: folder)
        #expect(try await store.journalMode() == "wal")
        // Read back through an independent connection, not the store's own code.
        let queue = try DatabaseQueue(path: store.fileURL.path)
        let tables = try await queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(Set(tables).isSuperset(of: ["tasks", "batches", "batch_items", "legacy_imports", "grdb_migrations"]))
        let indexes = try await queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'") }
        #expect(Set(indexes).isSuperset(of: ["tasks_on_request", "tasks_on_task_id"]))
        // A second open of a migrated file changes nothing and fails nothing.
        _ = try SQLiteTaskStore(directory: folder)
    }

    @Test func intentThenAnswerThenResult() async throws {
        let store = try SQLiteTaskStore(directory: try temporaryDirectory())
        #expect(try await store.recordIntent(Self.record("i1"), duplicatesSince: nil) == .recorded)
        #expect(try await store.records(matching: .all).first?.state == .intent)
        try await store.recordAnswer(intentID: "i1", state: .submitted, taskID: "t1", reason: nil, at: Date())
        let updated = try await store.recordResult(taskID: "t1", status: .succeeded, reason: "", outputPath: "/v.mp4", at: Date())
        #expect(updated?.state == .succeeded)
        #expect(updated?.providerStatus == "TASK_STATUS_SUCCEED")
        #expect(updated?.outputPath == "/v.mp4")
        #expect(updated?.inputs.first?.source == "a.png")
        #expect(try await store.recordResult(taskID: "unknown", status: .failed, reason: nil, outputPath: nil, at: Date()) == nil)
    }

    /// The duplicate rule for each earlier state: refused exactly when the earlier one may be paid for.
    @Test(arguments: TaskState.allCases)
    func duplicateRuleByEarlierState(state: TaskState) async throws {
        let store = try SQLiteTaskStore(directory: try temporaryDirectory())
        _ = try await store.recordIntent(Self.record("earlier"), duplicatesSince: nil)
        try await store.recordAnswer(intentID: "earlier", state: state, taskID: "t-earlier", reason: nil, at: Date())
        let outcome = try await store.recordIntent(Self.record("later"), duplicatesSince: DuplicateRule.windowStart(at: Date()))
        let expectRefused = [.intent, .submitted, .succeeded, .outcomeUnknown].contains(state)
        if expectRefused {
            guard case .duplicate(let earlier) = outcome else { Issue.record("\(state): got \(outcome)"); return }
            #expect(earlier.intentID == "earlier")
            #expect(try await store.records(matching: .all).count == 1, "nothing recorded for the refused one")
        } else {
            #expect(outcome == .recorded, "\(state)")
        }
    }

    struct Difference: Sendable, CustomTestStringConvertible {
        var name: String
        var fingerprint = "fp"
        var model = StateStoreTests.model
        var baseURL = StateStoreTests.base
        var age: TimeInterval = 0
        var testDescription: String { name }
    }

    @Test(arguments: [
        Difference(name: "other fingerprint", fingerprint: "fp2"),
        Difference(name: "other model", model: "seedance-v1-lite"),
        Difference(name: "other base URL", baseURL: "http://127.0.0.1:9"),
        Difference(name: "older than 24 h", age: -DuplicateRule.window - 60),
    ])
    func differentRequestsAreNotDuplicates(_ difference: Difference) async throws {
        let store = try SQLiteTaskStore(directory: try temporaryDirectory())
        _ = try await store.recordIntent(Self.record("earlier", createdAt: Date().addingTimeInterval(difference.age)), duplicatesSince: nil)
        let later = Self.record("later", fingerprint: difference.fingerprint, model: difference.model, baseURL: difference.baseURL)
        #expect(try await store.recordIntent(later, duplicatesSince: DuplicateRule.windowStart(at: Date())) == .recorded, "\(difference.name)")
    }

    @Test func messageNamesTheTaskItsStateAndTheCommands() {
        var earlier = Self.record("i-1")
        earlier.taskID = "task-42"
        earlier.state = .submitted
        let text = DuplicateRule.message(earlier: earlier)
        for part in ["task-42", "submitted", "`seedance status task-42`", "`seedance wait task-42 --output", "--allow-duplicate"] {
            #expect(text.contains(part), "\(part) missing from: \(text)")
        }
        earlier.taskID = nil
        earlier.state = .outcomeUnknown
        let unknown = DuplicateRule.message(earlier: earlier)
        #expect(unknown.contains("i-1") && unknown.contains("outcome_unknown") && unknown.contains("dashboard"))
    }

    @Test func filtersByStateAndBatch() async throws {
        let store = try SQLiteTaskStore(directory: try temporaryDirectory())
        try await store.createBatch(BatchRecord(id: "b1", manifestPath: "m.jsonl", createdAt: Date()), items: [BatchItemRecord(batchID: "b1", itemID: "x", line: 1)])
        _ = try await store.recordIntent(Self.record("a", fingerprint: "1"), duplicatesSince: nil)
        _ = try await store.recordIntent(Self.record("b", fingerprint: "2", batchItem: BatchItemKey(batchID: "b1", itemID: "x")), duplicatesSince: nil)
        try await store.recordAnswer(intentID: "a", state: .refused, taskID: nil, reason: "INVALID", at: Date())
        #expect(try await store.records(matching: TaskFilter(states: [.refused])).map(\.intentID) == ["a"])
        #expect(try await store.records(matching: TaskFilter(batchID: "b1")).map(\.intentID) == ["b"])
        #expect(try await store.records(matching: TaskFilter(states: [.refused], batchID: "b1")).isEmpty)
        #expect(try await store.items(ofBatch: "b1").first?.intentID == "b", "the intent links its item in the same transaction")
    }

    @Test func unwritableFolderIsAStateStoreError() throws {
        // A regular file where the folder should be: unwritable even for root, unlike chmod.
        let parent = try temporaryDirectory()
        let blocked = parent.appendingPathComponent("seedance")
        try Data("not a folder".utf8).write(to: blocked)
        #expect(throws: StateStoreError.self) { try SQLiteTaskStore(directory: blocked) }
    }

    @Test func legacyJournalIsImportedOnceAndLeftInPlace() async throws {
        let folder = try temporaryDirectory()
        let journal = folder.appendingPathComponent("journal.jsonl")
        // Lines exactly as the previous version's JournalEvent encoder wrote them (sorted keys, ISO 8601).
        let lines = [
            #"{"base_url":"https://api.novita.ai","fingerprint":"f1","inputs":[{"role":"first","sha256":"aa","source":"x.png"}],"intent_id":"a","kind":"intent","time":"2026-11-20T10:00:00Z"}"#,
            #"{"intent_id":"a","kind":"submitted","task_id":"t1","time":"2026-11-20T10:00:02Z"}"#,
            #"{"intent_id":"a","kind":"finished","output_path":"/v.mp4","status":"TASK_STATUS_SUCCEED","task_id":"t1","time":"2026-11-20T10:01:00Z"}"#,
            #"{"base_url":"https://api.novita.ai","fingerprint":"f2","inputs":[],"intent_id":"b","kind":"intent","time":"2026-11-20T11:00:00Z"}"#,
            #"{"intent_id":"b","kind":"outcome_unknown","time":"2026-11-20T11:00:30Z"}"#,
            #"{"base_url":"https://api.novita.ai","fingerprint":"f3","inputs":[],"intent_id":"c","kind":"intent","time":"2026-11-20T12:00:00Z"}"#,
            #"{"intent_id":"c","kind":"refused","reason":"INVALID_IMAGE_FORMAT","time":"2026-11-20T12:00:01Z"}"#,
            #"{"intent_id":"torn","kind":"inte"#,
        ]
        let original = Data((lines.joined(separator: "\n") + "\n").utf8)
        try original.write(to: journal)
        for _ in 0..<2 {
            let store = try SQLiteTaskStore(directory: folder)
            let records = try await store.records(matching: .all)
            #expect(records.map(\.intentID) == ["a", "b", "c"])
            #expect(records.map(\.state) == [.succeeded, .outcomeUnknown, .refused])
            #expect(records[0].taskID == "t1" && records[0].outputPath == "/v.mp4" && records[0].inputs.first?.sha256 == "aa")
            #expect(records[0].model == LegacyModel.name)
            #expect(records[2].reason == "INVALID_IMAGE_FORMAT")
        }
        #expect(try Data(contentsOf: journal) == original, "the old journal is left untouched")
        let queue = try DatabaseQueue(path: folder.appendingPathComponent(SQLiteTaskStore.fileName).path)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM legacy_imports") } == 1)
    }
}

enum LegacyModel {
    static let name = "seedance-v1.5-pro"
}
