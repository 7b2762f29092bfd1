import Foundation
import Testing

/// A `journal.jsonl` left by an earlier version is imported once into the state store and shows
/// in `seedance tasks`; the old file is left as it was.
@Suite struct LegacyJournalCommandTests {
    @Test func anImportedOldJournalShowsInTasks() async throws {
        try await withScratchFolder("legacy-journal") { folder in
            let directory = folder.appendingPathComponent("seedance")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let journal = directory.appendingPathComponent("journal.jsonl")
            let lines = [
                #"{"time":"2026-11-01T10:00:00Z","intent_id":"old-intent-1","kind":"intent","fingerprint":"f1","base_url":"https://api.novita.ai","inputs":[{"role":"first","source":"a.jpg","sha256":"00"}]}"#,
                #"{"time":"2026-11-01T10:00:02Z","intent_id":"old-intent-1","kind":"submitted","task_id":"legacy-task-7"}"#,
                #"{"time":"2026-11-01T10:05:00Z","intent_id":"old-intent-1","kind":"finished","status":"TASK_STATUS_SUCCEED","output_path":"/videos/a.mp4"}"#,
            ]
            let original = Data((lines.joined(separator: "\n") + "\n").utf8)
            try original.write(to: journal)

            let environment = ["XDG_STATE_HOME": folder.path]
            let tasks = try await CommandRunner.run(["tasks", "--json"], environment: environment)
            #expect(tasks.status == 0, "\(tasks.stderr)")
            #expect(tasks.stdout.contains("legacy-task-7"))
            #expect(tasks.stdout.contains("succeeded"))
            let again = try await CommandRunner.run(["tasks", "--json"], environment: environment)
            #expect(
                again.stdout.components(separatedBy: "legacy-task-7").count == tasks.stdout.components(separatedBy: "legacy-task-7").count,
                "imported once, not again on the next open")
            #expect(try Data(contentsOf: journal) == original, "the old journal is left untouched")
        }
    }
}
