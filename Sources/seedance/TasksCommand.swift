import ArgumentParser
import Foundation
import SeedanceAPI

/// `seedance tasks`: what this machine has submitted, from the state store.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List submissions recorded in the local state store.")

    @Option(
        help: ArgumentHelp(
            "Only records in this state (repeatable): \(TaskState.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "STATE"))
    var state: [String] = []

    @Option(help: ArgumentHelp("Only records of this batch.", valueName: "ID"))
    var batch: String?

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    /// Only the records sent to this provider, when one is named.
    @OptionGroup var providerOption: ProviderOption

    struct Listing: Encodable {
        var store: String
        var tasks: [TaskRecord]
    }

    /// The `--state` values, each checked against the list (exit 64 names the allowed ones).
    var states: Set<TaskState>? {
        get throws {
            guard !state.isEmpty else { return nil }
            return Set(
                try state.map { text in
                    guard let value = TaskState(rawValue: text) else {
                        throw ValidationError(
                            "--state \(text) is not a state; use one of \(TaskState.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return value
                })
        }
    }

    func validate() throws {
        _ = try states
    }

    func run() async throws {
        let states = try self.states
        let store = try StateStoreAccess.open()
        var records: [TaskRecord]
        do {
            records = try await store.records(matching: TaskFilter(states: states, batchID: batch))
            if let provider = providerOption.provider { records = records.filter { $0.provider == provider } }
        } catch {
            // The store cannot be read: local I/O (74), not an unknown outcome.
            throw ExitStatus.reporting(error)
        }
        if json {
            try JSONOutput.print(Listing(store: store.location, tasks: records))
            return
        }
        if records.isEmpty {
            Terminal.diagnostic("no submissions recorded in \(store.location)")
            return
        }
        let dates = ISO8601DateFormatter()
        for record in records {
            let fields = [
                dates.string(from: record.createdAt),
                record.state.rawValue,
                record.creation.rawValue,
                record.taskID ?? "-",
                record.intentID,
                record.outputPath ?? record.reason ?? "",
            ]
            Terminal.result(fields.joined(separator: "\t"))
        }
    }
}
