public import Foundation

extension SeedanceClient {
    /// Looks for the task an unknown create may have made, in the provider's task list, and
    /// records what that proves: the adopted task id, or that nothing was created. Several
    /// candidates, a provider that cannot list, or too little time since the send decide
    /// nothing and change nothing. Never sends a create.
    ///
    /// - Throws: ``SeedanceError`` from the list call, or `.stateStore`.
    public func resolveUnknownOutcome(_ record: TaskRecord, in store: any TaskStore, now: Date = Date()) async throws
        -> UnknownOutcomeResolution
    {
        guard record.creation == .unknown, record.taskID == nil else { return .undecided("its outcome is known") }
        guard let finder = provider.taskFinder else {
            return .undecided("\(provider.id) cannot list tasks; only its console can tell whether one was created")
        }
        guard now.timeIntervalSince(record.createdAt) >= UnknownOutcomeMatch.answerWindow else {
            return .undecided("sent less than \(Int(UnknownOutcomeMatch.answerWindow)) s ago; the list may not show it yet")
        }
        let since = record.createdAt.addingTimeInterval(-UnknownOutcomeMatch.clockAllowance)
        let listed = try await finder.findTasks(createdSince: since, model: record.echo["model"])
        var known = Set<String>()
        for task in listed {
            do throws(StateStoreError) {
                if try await !store.records(matching: TaskFilter(taskID: task.taskID)).isEmpty { known.insert(task.taskID) }
            } catch {
                throw SeedanceError(.stateStore(error), "could not read the state store to match listed tasks")
            }
        }
        let candidates = UnknownOutcomeMatch.candidates(
            sent: record.echo, intentCreatedAt: record.createdAt, listed: listed, knownTaskIDs: known)
        do throws(StateStoreError) {
            switch candidates.count {
            case 1:
                let taskID = candidates[0].taskID
                try await store.recordAnswer(
                    intentID: record.intentID, creation: .created, taskID: taskID, reason: "found in the provider's task list", at: now)
                return .adopted(taskID: taskID)
            case 0:
                try await store.recordAnswer(
                    intentID: record.intentID, creation: .notSent, taskID: nil,
                    reason: "not in the provider's task list \(Int(now.timeIntervalSince(record.createdAt))) s after it was sent", at: now)
                return .notCreated
            default:
                return .ambiguous(candidates)
            }
        } catch {
            throw SeedanceError(.stateStore(error), "could not record what the task list showed")
        }
    }
}
