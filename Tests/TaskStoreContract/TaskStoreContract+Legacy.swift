import Foundation
import SeedanceCore
import Testing

// MARK: The journal of versions before the store

extension TaskStoreContract {
    /// Lines exactly as the journal's encoder wrote them (sorted keys, ISO 8601), one intent per
    /// way a submission could end, and a torn last line.
    static let legacyJournal = [
        #"{"base_url":"https://api.novita.ai","fingerprint":"f1","inputs":[{"role":"first","sha256":"aa","source":"x.png"}],"intent_id":"a","kind":"intent","time":"2026-11-20T10:00:00Z"}"#,
        #"{"intent_id":"a","kind":"submitted","task_id":"t1","time":"2026-11-20T10:00:02Z"}"#,
        #"{"intent_id":"a","kind":"finished","output_path":"/v.mp4","status":"TASK_STATUS_SUCCEED","task_id":"t1","time":"2026-11-20T10:01:00Z"}"#,
        #"{"base_url":"https://api.novita.ai","fingerprint":"f2","inputs":[],"intent_id":"b","kind":"intent","time":"2026-11-20T11:00:00Z"}"#,
        #"{"intent_id":"b","kind":"outcome_unknown","time":"2026-11-20T11:00:30Z"}"#,
        #"{"base_url":"https://api.novita.ai","fingerprint":"f3","inputs":[],"intent_id":"c","kind":"intent","time":"2026-11-20T12:00:00Z"}"#,
        #"{"intent_id":"c","kind":"refused","reason":"INVALID_IMAGE_FORMAT","time":"2026-11-20T12:00:01Z"}"#,
        #"{"base_url":"https://api.novita.ai","fingerprint":"f4","inputs":[],"intent_id":"d","kind":"intent","time":"2026-11-20T13:00:00Z"}"#,
        #"{"intent_id":"d","kind":"refused","reason":"UNREACHABLE","time":"2026-11-20T13:00:01Z"}"#,
        #"{"base_url":"https://api.novita.ai","fingerprint":"f5","inputs":[],"intent_id":"e","kind":"intent","time":"2026-11-20T14:00:00Z"}"#,
        #"{"intent_id":"torn","kind":"inte"#,
    ]

    /// A `journal.jsonl` in the folder is imported once, every intent with its state and the
    /// creation value it proves, and the file is left untouched.
    static func aLegacyJournalIsImportedOnce(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let journal = folder.appendingPathComponent("journal.jsonl")
            let original = Data((legacyJournal.joined(separator: "\n") + "\n").utf8)
            try original.write(to: journal)
            for _ in 0..<2 {
                let records = try await factory.open(folder).records(matching: .all)
                #expect(records.map(\.intentID) == ["a", "b", "c", "d", "e"])
                #expect(records.map(\.state) == [.succeeded, .outcomeUnknown, .refused, .refused, .intent])
                #expect(records.map(\.creation) == [.created, .unknown, .refused, .notSent, .unknown])
                #expect(records.first?.taskID == "t1" && records.first?.outputPath == "/v.mp4" && records.first?.inputs.first?.sha256 == "aa")
                #expect(records.first?.model == "seedance-v1.5-pro")
                #expect(records.dropFirst(2).first?.reason == "INVALID_IMAGE_FORMAT")
            }
            #expect(try Data(contentsOf: journal) == original, "the old journal is left untouched")
        }
    }
}
