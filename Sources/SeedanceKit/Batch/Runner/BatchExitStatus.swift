/// How a batch run ends, as an exit code. When several apply, the most urgent wins:
/// `localIOFailure` > `someOutcomeUnknown` > `someFailed` > `stoppedAtCap` > `stillRunning`.
/// (An unknown outcome may be money spent that nobody can see; a failure needs a decision; the
/// cap and the deadline only need the same command again.)
public enum BatchExitStatus: Int32, Sendable, Hashable, CaseIterable, Codable {
    /// Every item succeeded (items another process holds are not counted).
    case succeeded = 0
    /// Some items failed (refused, failed at the provider, unusable, or not downloaded).
    case someFailed = 3
    /// Some items' outcomes are unknown: see the store; they are never sent again on their own.
    case someOutcomeUnknown = 4
    /// Time ran out with tasks still running, or items not sent yet: run the same command again.
    case stillRunning = 5
    /// Submitting stopped before the next item would have passed `--max-spend`.
    case stoppedAtCap = 7
    /// The state store could not be read or written: the batch stopped.
    case localIOFailure = 74

    /// Picks the status for these counts.
    public static func decide(failed: Int, outcomeUnknown: Int, capped: Int, unfinished: Int, ledgerFailed: Bool) -> BatchExitStatus {
        if ledgerFailed { return .localIOFailure }
        if outcomeUnknown > 0 { return .someOutcomeUnknown }
        if failed > 0 { return .someFailed }
        if capped > 0 { return .stoppedAtCap }
        if unfinished > 0 { return .stillRunning }
        return .succeeded
    }

    /// The snake_case name used in JSON.
    public var name: String {
        switch self {
        case .succeeded: "succeeded"
        case .someFailed: "some_failed"
        case .someOutcomeUnknown: "some_outcome_unknown"
        case .stillRunning: "still_running"
        case .stoppedAtCap: "stopped_at_cap"
        case .localIOFailure: "local_io_failure"
        }
    }
}
