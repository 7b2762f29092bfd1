import Foundation
internal import SeedanceCore

/// Folds legacy journal events (file order) into one task record per intent, oldest first.
enum LegacyJournalFold {
    /// The only model versions with a journal could call.
    static let model = "seedance-v1.5-pro"
    /// The only provider, and its address, versions with a journal could call.
    static let baseURL = "https://api.novita.ai"

    static func records(from events: [LegacyJournalEvent]) -> [TaskRecord] {
        var order: [String] = []
        var records: [String: TaskRecord] = [:]
        for event in events {
            if records[event.intentID] == nil {
                order.append(event.intentID)
                records[event.intentID] = TaskRecord(
                    intentID: event.intentID, createdAt: event.time, model: model,
                    baseURL: baseURL, fingerprint: "")
            }
            records[event.intentID]?.apply(event)
        }
        return order.compactMap { id in
            records[id].map { record in
                var record = record
                record.creation = TaskCreation.derived(state: record.state, taskID: record.taskID, reason: record.reason)
                return record
            }
        }
    }
}

extension TaskRecord {
    /// The journal kept novita's status text as it came; these are the finished ones.
    fileprivate static func status(journalText: String) -> TaskStatus {
        switch journalText {
        case "TASK_STATUS_SUCCEED": .succeeded
        case "TASK_STATUS_FAILED": .failed
        default: .other(journalText)
        }
    }

    fileprivate mutating func apply(_ event: LegacyJournalEvent) {
        updatedAt = max(updatedAt, event.time)
        fingerprint = event.fingerprint ?? fingerprint
        inputs = event.inputs ?? inputs
        baseURL = event.baseURL ?? baseURL
        taskID = event.taskID ?? taskID
        providerStatus = event.status ?? providerStatus
        reason = event.reason ?? reason
        outputPath = event.outputPath ?? outputPath
        switch event.kind {
        case .intent: break
        case .submitted: state = .submitted
        case .refused: state = .refused
        case .outcomeUnknown: state = .outcomeUnknown
        case .finished: state = TaskState(finished: Self.status(journalText: event.status ?? "")) ?? .submitted
        }
    }
}
