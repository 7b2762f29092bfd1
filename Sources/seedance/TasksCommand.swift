import ArgumentParser
import Foundation
import SeedanceAPI

/// `seedance tasks`: what this machine has submitted, from the journal.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List submissions recorded in the local journal.")

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    struct Listing: Encodable {
        var journal: String
        var entries: [JournalEntry]
    }

    func run() async throws {
        let journal = Journal(directory: Journal.defaultDirectory())
        let entries: [JournalEntry]
        do {
            entries = try journal.entries()
        } catch {
            // The journal cannot be read: local I/O, not an unknown outcome.
            throw ExitStatus.reporting(error)
        }
        if json {
            try JSONOutput.print(Listing(journal: journal.fileURL.path, entries: entries))
            return
        }
        if entries.isEmpty {
            Terminal.diagnostic("no submissions recorded in \(journal.fileURL.path)")
            return
        }
        let dates = ISO8601DateFormatter()
        for entry in entries {
            let fields = [
                dates.string(from: entry.createdAt),
                entry.state.rawValue,
                entry.taskID ?? "-",
                entry.status ?? "-",
                entry.outputPath ?? entry.reason ?? "",
            ]
            Terminal.result(fields.joined(separator: "\t"))
        }
    }
}
