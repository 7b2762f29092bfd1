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
            A record without a task id (the create call's outcome is unknown) is looked up in the \
            provider's task list where the provider has one (Ark): exactly one matching task is adopted, \
            none (a minute or more after the send) means nothing was created, several are listed for you \
            and nothing is decided. Where the provider cannot list (novita), the record is listed, never \
            resubmitted; check the provider's console.
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
        /// For an unknown outcome looked up in the task list: `adopted`, `not_created`, `ambiguous`.
        var resolution: String?
        /// With `ambiguous`: the listed tasks that match, for the user to look at.
        var candidates: [String]?

        enum CodingKeys: String, CodingKey {
            case state, problem, resolution, candidates
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
            let listable = Set(ProviderRegistry.all.filter(\.listsTasks).map(\.id.rawValue))
            var entries = open.filter { $0.taskID == nil && !listable.contains($0.provider) }.map {
                Entry(intentID: $0.intentID, taskID: nil, state: $0.state, problem: Self.noTaskID)
            }
            let unknown = open.filter { $0.taskID == nil && listable.contains($0.provider) }
            let askable = open.compactMap { record in record.taskID.map { (record, $0) } }
            // Each record is asked of the provider it was sent to (--provider narrows to one);
            // a key is needed only for a provider there is someone to ask.
            let providers = Set(askable.map(\.0.provider) + unknown.map(\.provider)).sorted()
            for provider in providers where api.provider == nil || api.provider == provider {
                let mine = askable.filter { $0.0.provider == provider }
                let lookups = unknown.filter { $0.provider == provider }
                entries += try await SeedanceClient.withClient(try api.configuration(provider: ProviderID(rawValue: provider))) { client in
                    var answers: [Entry] = []
                    for record in lookups { answers.append(try await lookUp(record, with: client, in: store)) }
                    for (record, taskID) in mine { answers.append(try await reconcile(record, taskID: taskID, with: client, in: store)) }
                    return answers
                }
            }
            try print(Report(store: store.location, entries: entries))
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    /// An unknown outcome, looked up in the provider's task list.
    private func lookUp(_ record: TaskRecord, with client: SeedanceClient, in store: any TaskStore) async throws -> Entry {
        var entry = Entry(intentID: record.intentID, taskID: nil, state: record.state)
        do {
            switch try await client.resolveUnknownOutcome(record, in: store) {
            case .adopted(let taskID):
                entry.taskID = taskID
                entry.state = .submitted
                entry.resolution = "adopted"
            case .notCreated:
                entry.state = TaskCreation.notSent.answeredState
                entry.resolution = "not_created"
            case .ambiguous(let candidates):
                entry.resolution = "ambiguous"
                entry.candidates = candidates.map(\.taskID)
                entry.problem = "\(candidates.count) listed tasks match; none was adopted: look at them in the provider's console"
            case .undecided(let why):
                entry.problem = why
            }
        } catch {
            entry.problem = "\(error)"
        }
        return entry
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
            let note = [entry.resolution, entry.candidates?.joined(separator: " "), entry.problem].compactMap { $0 }.joined(separator: " ")
            let fields = [entry.taskID ?? entry.intentID, entry.state.rawValue, entry.providerStatus ?? "-", note]
            Terminal.result(fields.joined(separator: "\t"))
        }
    }
}
