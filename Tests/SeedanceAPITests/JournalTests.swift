import Foundation
import SeedanceAPI
import Testing

@Suite struct JournalTests {
    @Test func eventsFoldByIntent() throws {
        let journal = Journal(directory: try temporaryDirectory())
        try journal.record(JournalEvent(intentID: "a", kind: .intent, fingerprint: "f", inputs: [JournalInput(role: "first", source: "x.png", sha256: "d")]))
        try journal.record(JournalEvent(intentID: "b", kind: .intent))
        try journal.record(JournalEvent(intentID: "a", kind: .submitted, taskID: "t1"))
        try journal.record(JournalEvent(intentID: "b", kind: .outcomeUnknown))
        try journal.recordFinish(taskID: "t1", status: .succeeded, reason: "", outputPath: "/tmp/v.mp4")
        let entries = try journal.entries()
        #expect(entries.map(\.intentID) == ["a", "b"])
        #expect(entries[0].state == .finished)
        #expect(entries[0].taskID == "t1")
        #expect(entries[0].fingerprint == "f")
        #expect(entries[0].outputPath == "/tmp/v.mp4")
        #expect(entries[0].status == "TASK_STATUS_SUCCEED")
        #expect(entries[1].state == .outcomeUnknown)
        #expect(entries[1].taskID == nil)
    }

    @Test func concurrentWritersNeverTearALine() async throws {
        let journal = Journal(directory: try temporaryDirectory())
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<25 {
                        try? journal.record(JournalEvent(intentID: "w\(writer)-\(index)", kind: .intent, fingerprint: String(repeating: "x", count: 2000)))
                    }
                }
            }
        }
        #expect(try journal.entries().count == 200)
        let lines = try String(contentsOf: journal.fileURL, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
    }

    @Test func missingFileIsAnEmptyJournal() throws {
        #expect(try Journal(directory: try temporaryDirectory().appendingPathComponent("none")).entries().isEmpty)
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/state", "HOME": "/home/u"], "/state/seedance"),
        (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/seedance"),
        (["HOME": "/home/u"], "/home/u/.local/state/seedance"),
    ])
    func defaultDirectoryFollowsXDG(environment: [String: String], expected: String) {
        #expect(Journal.defaultDirectory(environment: environment).path == expected)
    }
}
