import ArgumentParser
import Foundation
import SeedanceAPI
import SeedanceStore

/// `seedance reconcile`: reads every recorded task without a final state.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Ask the provider about every recorded task that has no final state, and record the answers.",
        discussion: """
            A record without a task id (the create call's outcome is unknown) cannot be asked about: \
            it is listed, never resubmitted; check your novita dashboard.
            """)

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    @OptionGroup var api: APIOptions

    struct Entry: Encodable {
        var intentID: String
        var taskID: String?
        var state: TaskState
        /// The provider's status, when it answered.
        var providerStatus: String?
        /// Why this record could not be reconciled.
        var problem: String?

        enum CodingKeys: String, CodingKey {
            case state, problem
            case intentID = "intent_id"
            case taskID = "task_id"
            case providerStatus = "provider_status"
        }
    }

    struct Report: Encodable {
        var store: String
        var entries: [Entry]
    }

    static let noTaskID = "cannot be reconciled: no task id; check the provider's console"

    func run() async throws {
        let store = try StateStoreAccess.open()
        do {
            let open = try await store.records(matching: TaskFilter(states: Set(TaskState.allCases.filter { !$0.isFinal })))
            var entries = open.filter { $0.taskID == nil }.map {
                Entry(intentID: $0.intentID, taskID: nil, state: $0.state, problem: Self.noTaskID)
            }
            let askable = open.compactMap { record in record.taskID.map { (record, $0) } }
            // Each record is asked of the provider it was sent to (--provider narrows to one);
            // a key is needed only for a provider there is someone to ask.
            let providers = Set(askable.map(\.0.provider)).sorted()
            for provider in providers where api.provider == nil || api.provider == provider {
                let mine = askable.filter { $0.0.provider == provider }
                entries += try await SeedanceClient.withClient(try api.configuration(provider: ProviderID(rawValue: provider))) { client in
                    var answers: [Entry] = []
                    for (record, taskID) in mine { answers.append(try await reconcile(record, taskID: taskID, with: client, in: store)) }
                    return answers
                }
            }
            try print(Report(store: store.location, entries: entries))
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    private func reconcile(_ record: TaskRecord, taskID: String, with client: SeedanceClient, in store: any TaskStore) async throws -> Entry {
        do {
            let result = try await client.task(id: taskID)
            let updated = try await store.recordResult(taskID: taskID, status: result.status, reason: result.reason, outputPath: nil, at: Date())
            return Entry(intentID: record.intentID, taskID: taskID, state: updated?.state ?? record.state, providerStatus: result.status.rawValue)
        } catch let error as SeedanceError {
            // One task the provider cannot describe must not stop the others.
            return Entry(intentID: record.intentID, taskID: taskID, state: record.state, problem: error.description)
        }
    }

    private func print(_ report: Report) throws {
        if json {
            try JSONOutput.print(report)
            return
        }
        if report.entries.isEmpty {
            Terminal.diagnostic("nothing to reconcile in \(report.store)")
        }
        for entry in report.entries {
            let fields = [entry.taskID ?? entry.intentID, entry.state.rawValue, entry.providerStatus ?? "-", entry.problem ?? ""]
            Terminal.result(fields.joined(separator: "\t"))
        }
    }
}
