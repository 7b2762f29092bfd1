internal import Foundation
internal import SeedanceAPI

extension BatchProgress {
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
/// The first frame is the block itself; each later one first moves the cursor up over the rows
/// drawn before (`ESC [ n F`) and clears to the end of the screen (`ESC [ J`). Every line fits
/// the width of its frame (``BatchStatusLayout``); when nothing fits, frames are plain progress
/// lines (``PlainProgressLog``) until the terminal is wide enough again.
public struct LiveStatusBlock: Sendable {
    /// The block's lines as last drawn; empty when none is on screen.
    private var drawn: [String] = []
    private var log = PlainProgressLog()

    public init() {}

    /// The text to write for `progress` on a terminal `width` columns wide.
    public mutating func frame(for progress: BatchProgress, width: Int) -> String {
        let erase = drawn.isEmpty ? "" : "\u{1B}[\(Self.rows(drawn, width: width))F\u{1B}[J"
        guard let lines = BatchStatusLayout.lines(for: progress, width: width) else {
            // A fresh log: the first plain line after a block is always shown.
            if !drawn.isEmpty { log = PlainProgressLog() }
            drawn = []
            return erase + (log.line(for: progress).map { $0 + "\n" } ?? "")
        }
        drawn = lines
        return erase + lines.joined(separator: "\n") + "\n"
    }

    /// The rows `lines` take on a terminal now `width` wide: one each, more for a line that a
    /// narrowed terminal has rewrapped (as most do when resized), so the redraw starts at the
    /// block's first row and not inside it.
    static func rows(_ lines: [String], width: Int) -> Int {
        lines.reduce(0) { $0 + max(1, ($1.displayWidth + max(width, 1) - 1) / max(width, 1)) }
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
