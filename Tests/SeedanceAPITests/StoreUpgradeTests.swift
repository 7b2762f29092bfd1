import Foundation
import GRDB
import SeedanceAPI
import SeedanceStore
import Testing

/// Nothing is lost on upgrade: a store written by 0.4.0 (fixtures/store-0.4.0, made by that
/// release's binaries, with the older journal it imported) opens, migrates and shows every
/// record with the creation value its old row proves.
@Suite struct StoreUpgradeTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("store-0.4.0")

    /// Every record of the fixture, oldest first: intent id (prefix), state, creation.
    static let expected: [(String, String, String)] = [
        ("legacy-succeeded", "succeeded", "created"),
        ("legacy-unreachable", "refused", "not_sent"),
        ("legacy-unknown", "outcome_unknown", "unknown"),
        ("911eec2b", "succeeded", "created"),
        ("cc16e88d", "submitted", "created"),
        ("f3410204", "failed", "created"),
        ("27edb6f7", "refused", "refused"),
        ("6548ad8d", "refused", "not_sent"),
        ("52c04969", "outcome_unknown", "unknown"),
        ("d74b3c69", "intent", "unknown"),
        ("0c1182f4", "succeeded", "created"),
        ("452249bd", "refused", "not_sent"),
        ("fe65999f", "succeeded", "created"),
        ("23cd2f4c", "refused", "not_sent"),
        ("69f31d5b", "succeeded", "created"),
    ]

    /// A copy of the fixture as `$XDG_STATE_HOME/seedance`, removed afterwards.
    static func withCopy(_ body: (URL) async throws -> Void) async throws {
        try await withScratchFolder("upgrade") { home in
            let folder = home.appendingPathComponent("seedance")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["state.sqlite", "journal.jsonl"] {
                try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            try await body(home)
        }
    }

    @Test func aStoreWrittenBy040ShowsEveryRecordWithItsCreation() async throws {
        try await Self.withCopy { home in
            // What 0.4.0 wrote, read from the copy (SQLite adds files beside a database it
            // opens) independently of the code under test.
            let original = try DatabaseQueue(path: home.appendingPathComponent("seedance/state.sqlite").path)
            let written = try await original.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                    try String.fetchAll(db, sql: "SELECT intent_id FROM tasks ORDER BY created_at, rowid"),
                    try String.fetchOne(db, sql: "SELECT id FROM batches")
                )
            }
            try original.close()
            #expect(written.0 == ["v1: tasks, batches, legacy imports"], "the fixture predates the creation column")
            #expect(written.1.count == Self.expected.count)
            let batchID = try #require(written.2)

            let environment = ["XDG_STATE_HOME": home.path]
            let listing = try await CommandRunner.run(["tasks", "--json"], environment: environment)
            #expect(listing.status == 0, "\(listing.stderr)")
            let tasks = try Self.tasks(in: listing.stdout)
            #expect(tasks.compactMap { $0["intent_id"] as? String } == written.1, "every record, in order")
            for (record, expected) in zip(tasks, Self.expected) {
                let id = record["intent_id"] as? String ?? ""
                #expect(id.hasPrefix(expected.0))
                #expect(record["state"] as? String == expected.1, "\(id)")
                #expect(record["creation"] as? String == expected.2, "\(id)")
            }
            let batch = try Self.tasks(in: try await CommandRunner.run(["tasks", "--batch", batchID, "--json"], environment: environment).stdout)
            #expect(batch.compactMap { $0["creation"] as? String } == ["created", "not_sent", "created", "not_sent", "created"])

            // The migration ran once and is recorded; a second open changes nothing (the old
            // journal, at a new path here, adds no record twice).
            let store = try SQLiteTaskStore(directory: home.appendingPathComponent("seedance"))
            let again = try await store.records(matching: .all)
            #expect(again.map(\.creation.rawValue) == Self.expected.map(\.2))
            let migrated = try DatabaseQueue(path: store.fileURL.path)
            #expect(
                try await migrated.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
                    == ["v1: tasks, batches, legacy imports", "v2: tasks.creation", "v3: tasks.provider, tasks.echo, tasks.cost_usd"])
            // Every row 0.4.0 wrote was sent to novita, the only provider then.
            #expect(again.allSatisfy { $0.provider == "novita" })

            // The batch resumes from typed columns: every item was downloaded by 0.4.0.
            let items = try await store.items(ofBatch: batchID)
            let byIntent = Dictionary(uniqueKeysWithValues: again.map { ($0.intentID, $0) })
            let stages = items.map { BatchItemStage(item: $0, task: $0.intentID.flatMap { byIntent[$0] }) }
            #expect(stages.allSatisfy { if case .downloaded = $0 { true } else { false } }, "\(stages)")
        }
    }

    static func tasks(in json: String) throws -> [[String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return document?["tasks"] as? [[String: Any]] ?? []
    }
}
