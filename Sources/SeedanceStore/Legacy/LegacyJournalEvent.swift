import Foundation
internal import SeedanceCore

/// One line of the `journal.jsonl` written by versions before the state store; read only to
/// import it (``LegacyJournalImport``).
struct LegacyJournalEvent: Decodable, Sendable, Hashable {
    enum Kind: String, Decodable, Sendable, Hashable {
        case intent, submitted, refused, finished
        case outcomeUnknown = "outcome_unknown"
    }

    var time: Date
    var intentID: String
    var kind: Kind
    var fingerprint: String?
    var inputs: [TaskInput]?
    var baseURL: String?
    var taskID: String?
    var status: String?
    var reason: String?
    var outputPath: String?

    enum CodingKeys: String, CodingKey {
        case time, kind, fingerprint, inputs, status, reason
        case intentID = "intent_id"
        case baseURL = "base_url"
        case taskID = "task_id"
        case outputPath = "output_path"
    }
}
