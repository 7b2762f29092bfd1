import SeedanceAPI
import Synchronization

/// Shows polling progress on stderr: a bar on a terminal, a line per change otherwise.
final class ProgressReporter: Sendable {
    private let isTerminal: Bool
    /// The last line printed (not on a terminal), so an unchanged status is not printed again.
    private let lastLine = Mutex("")

    init(isTerminal: Bool = Terminal.stderrIsTerminal) {
        self.isTerminal = isTerminal
    }

    func report(_ result: TaskSnapshot) {
        let percent = result.progressPercent ?? (result.status == .succeeded ? 100 : 0)
        let eta = result.eta.map { " eta \($0)s" } ?? ""
        if isTerminal {
            let width = 30
            let filled = max(0, min(width, percent * width / 100))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            Terminal.overwriteLine("[\(bar)] \(percent)%\(eta) \(result.status)")
            if result.status.isFinished { Terminal.diagnostic("") }
        } else {
            let line = "\(result.taskID): \(result.status) \(percent)%\(eta)"
            let changed = lastLine.withLock { last in
                defer { last = line }
                return last != line
            }
            if changed { Terminal.diagnostic(line) }
        }
    }
}
