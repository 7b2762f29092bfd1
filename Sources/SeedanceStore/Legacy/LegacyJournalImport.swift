import Foundation
internal import GRDB
internal import SeedanceCore

/// Brings the `journal.jsonl` of earlier versions into the store, once.
///
/// The whole file goes in one transaction together with its row in `legacy_imports`, so two
/// processes opening the store at once import it once, and a crash imports it all or not at
/// all. Records already present (same intent id) are kept. The file is left in place,
/// untouched: renaming it would be a second step outside the transaction, and an older
/// version still installed keeps reading it.
enum LegacyJournalImport {
    static let fileName = "journal.jsonl"

    static func importOnce(from file: URL, into store: SQLiteTaskStore) throws(StateStoreError) {
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let path = file.standardizedFileURL.path
        try store.writeNow("import \(fileName)") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM legacy_imports WHERE path = ?", arguments: [path]) != true else { return }
            let data = try Data(contentsOf: file)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            // Lines that do not decode (torn, or from another version) are skipped, as the journal itself did.
            let events = data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(LegacyJournalEvent.self, from: Data($0)) }
            let records = LegacyJournalFold.records(from: events)
            for record in records {
                guard try !Bool.exists(db, intentID: record.intentID) else { continue }
                try record.insert(db)
            }
            try db.execute(
                sql: "INSERT INTO legacy_imports (path, imported_at, events, records) VALUES (?, ?, ?, ?)",
                arguments: [path, Date(), events.count, records.count])
        }
    }
}

extension Bool {
    fileprivate static func exists(_ db: Database, intentID: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM tasks WHERE intent_id = ?", arguments: [intentID]) == true
    }
}
