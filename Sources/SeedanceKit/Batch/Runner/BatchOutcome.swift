/// How a batch run ended, as a whole. Names only: the command line maps each to its documented
/// exit code (one table, in the CLI's `ExitStatus`), and a library caller decides for itself.
///
/// When several apply, the most urgent wins:
/// `localIOFailure` > `someOutcomeUnknown` > `someFailed` > `stoppedAtCap` > `stillRunning`.
/// (An unknown outcome may be money spent that nobody can see; a failure needs a decision; the
/// cap and the deadline only need the same command again.)
public enum BatchOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every item succeeded (items another process holds are not counted).
    case succeeded
    /// Some items failed (refused, failed at the provider, unusable, or not downloaded).
    case someFailed = "some_failed"
    /// Some items' outcomes are unknown: see the store; they are never sent again on their own.
    case someOutcomeUnknown = "some_outcome_unknown"
    /// Time ran out with tasks still running, or items not sent yet: run the same command again.
    case stillRunning = "still_running"
    /// Submitting stopped before the next item would have passed `--max-spend`.
    case stoppedAtCap = "stopped_at_cap"
    /// The state store could not be read or written: the batch stopped.
    case localIOFailure = "local_io_failure"

    /// Picks the outcome for these counts.
    public static func decide(failed: Int, outcomeUnknown: Int, capped: Int, unfinished: Int, ledgerFailed: Bool) -> BatchOutcome {
        if ledgerFailed { return .localIOFailure }
        if outcomeUnknown > 0 { return .someOutcomeUnknown }
        if failed > 0 { return .someFailed }
        if capped > 0 { return .stoppedAtCap }
        if unfinished > 0 { return .stillRunning }
        return .succeeded
    }
}
