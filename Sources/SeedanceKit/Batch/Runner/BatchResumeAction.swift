/// What a run does with an item, given what earlier runs left in the ledger.
enum BatchResumeAction: Sendable, Hashable {
    /// Claim, prepare and send it (`resending`: an earlier attempt failed; `--retry-failed`).
    case send(resending: Bool)
    /// A task exists: poll it (and download its video when it succeeded).
    case watch(taskID: String, state: BatchRunItemState)
    /// Report it as it stands, and do nothing more.
    case report(BatchRunItemState, error: String?)
    /// Already saved.
    case done(output: String)

    /// The decision for `entry` (nil: never started), from its stage alone. Pure, so every case
    /// is a table test.
    static func decide(_ entry: BatchLedgerEntry?, retryFailed: Bool) -> BatchResumeAction {
        guard let entry else { return .send(resending: false) }
        switch entry.stage {
        case .unsent:
            return .send(resending: false)
        case .downloaded(let output):
            return .done(output: output)
        case .created:
            return entry.taskID.map { .watch(taskID: $0, state: .submitted) } ?? unknown("created, but no task id was recorded")
        case .succeeded:
            // The URL has expired by now: polling gives a fresh one, then it is downloaded.
            return entry.taskID.map { .watch(taskID: $0, state: .succeeded) } ?? unknown("succeeded, but no task id was recorded")
        case .awaitingAnswer:
            return unknown("sent in an earlier run that stopped before the answer; it may have made a paid task, so it is not sent again")
        case .unknown(let reason):
            return unknown(reason)
        case .refused(let reason), .failed(let reason), .abandoned(let reason):
            return retryFailed && entry.stage.mayBeClaimed(retryingFailed: true) ? .send(resending: true) : .report(.failed, error: reason)
        }
    }

    private static func unknown(_ message: String) -> BatchResumeAction {
        .report(.outcomeUnknown, error: message)
    }
}
