import SeedanceAPI

/// Shows polling progress on stderr: a bar on a terminal, a line per change otherwise.
final class ProgressReporter: @unchecked Sendable {
    // Only the poller's single task calls `report`, one call at a time.
    private let isTerminal: Bool
    private var lastLine = ""

    init(isTerminal: Bool = Terminal.stderrIsTerminal) {
        self.isTerminal = isTerminal
    }

    func report(_ result: TaskResult) {
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
            if line != lastLine { Terminal.diagnostic(line) }
            lastLine = line
        }
    }
}
