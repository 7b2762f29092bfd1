import ArgumentParser

/// The exit codes other tools script against; the README's table mirrors this enum.
enum ExitStatus: Int32, CaseIterable {
    /// Done: images acceptable, fixed, or the task succeeded.
    case success = 0
    /// `check`: the API would reject an input, and `fix` can repair it.
    case repairable = 1
    /// An input is unusable: unreadable, corrupt, not an image, over the safety limits.
    case unusableInput = 2
    /// The API refused the request (4xx) or the task failed.
    case refused = 3
    /// The outcome is unknown after sending: the state store holds what we know.
    case outcomeUnknown = 4
    /// `wait` ran out of time while the task is still running.
    case stillRunning = 5
    /// Refused locally as a duplicate of a paid request; nothing was sent.
    case duplicate = 6
    /// A batch stopped at its spending cap.
    case spendingCap = 7
    /// The command line is wrong.
    case usage = 64
    /// Local I/O failed: the state store unreadable or unwritable, an output not writable.
    case localIO = 74

    var exitCode: ExitCode { ExitCode(rawValue) }
}
