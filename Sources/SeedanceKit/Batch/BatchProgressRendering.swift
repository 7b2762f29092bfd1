internal import Foundation
internal import SeedanceAPI

extension BatchProgress {
    /// One line: `checking 0 · preparing 2 · … · unknown 0 | spent ≈ USD 2.60 (estimate) | ETA 3m`.
    public var statusLine: String {
        let counts = Phase.allCases.map { "\($0.label) \(self[$0])" }.joined(separator: " · ")
        return "\(counts) | spent \(spent) | ETA \(eta.map(Self.format) ?? "unknown")"
    }

    /// A duration as a person reads a countdown: `45s`, `3m`, `1h 05m`. Rounded up, so it never
    /// says `0s` while something is left.
    public static func format(_ duration: Duration) -> String {
        let seconds = max(Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18).rounded(.up)), 0)
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\((seconds + 59) / 60)m"
        default:
            let minutes = (seconds + 59) / 60
            return String(format: "%dh %02dm", minutes / 60, minutes % 60)
        }
    }
}

/// The live status block for a terminal: each frame redraws the block in place, on stderr.
///
/// The first frame is the block itself; each later one first moves the cursor up over the lines
/// drawn before (`ESC [ n F`) and clears to the end of the screen (`ESC [ J`).
public struct LiveStatusBlock: Sendable {
    private var linesDrawn = 0

    public init() {}

    /// The text to write for `progress`, `lines` being any extra lines to show under the status.
    public mutating func frame(for progress: BatchProgress, extra lines: [String] = []) -> String {
        let block = ([progress.statusLine] + lines).joined(separator: "\n") + "\n"
        let prefix = linesDrawn > 0 ? "\u{1B}[\(linesDrawn)F\u{1B}[J" : ""
        linesDrawn = 1 + lines.count
        return prefix + block
    }
}

/// Progress as plain lines, for logs and pipes: a line only when something changed.
public struct PlainProgressLog: Sendable {
    private var lastLine: String?

    public init() {}

    /// The line to print for `progress`, or nil when it says the same as the last one.
    /// The ETA is left out so a changing estimate alone does not fill the log.
    public mutating func line(for progress: BatchProgress) -> String? {
        var stable = progress
        stable.eta = nil
        let counts = BatchProgress.Phase.allCases.map { "\($0.label)=\(stable[$0])" }.joined(separator: " ")
        let line = "progress: \(counts) spent=\(stable.spent)"
        guard line != lastLine else { return nil }
        lastLine = line
        return line
    }
}
