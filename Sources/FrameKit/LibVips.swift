internal import CVipsShim
import Foundation
import Synchronization

/// Process-wide libvips state: started once, never shut down (libvips cannot restart).
///
/// Every entry point into libvips goes through ``LibVips/ensureStarted()``, so the first use on
/// any thread starts it and later uses see the same result.
enum LibVips {
    /// Worker threads per pipeline: two cores here, and callers may run several pipelines.
    static let concurrency = 2

    private static let startResult: Result<Void, FrameError> = {
        let status = CVipsShim_start("seedance", Int32(concurrency))
        guard status == 0 else {
            return .failure(FrameError(.libvipsUnavailable, "libvips failed to start: \(takeErrorText())"))
        }
        CVipsShim_set_log_sink { domain, level, message in
            LibVips.recordWarning(message.map { String(cString: $0) } ?? "")
        }
        return .success(())
    }()

    static func ensureStarted() throws(FrameError) {
        try startResult.get()
    }

    /// Reads libvips' error buffer right after a failing call; the buffer is global, so the text
    /// is a hint for people, never something to match on.
    static func takeErrorText() -> String {
        guard let text = CVipsShim_take_error() else { return "" }
        defer { CVipsShim_free(text) }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Warnings

    /// libvips warns through GLib (once per row on a truncated PNG); we keep the last few for the
    /// caller's diagnostics instead of letting them spill onto stderr.
    private static let warnings = Mutex<[String]>([])
    private static let maximumWarnings = 20

    static func recordWarning(_ message: String) {
        warnings.withLock { list in
            if list.count < maximumWarnings, !list.contains(message) { list.append(message) }
        }
    }

    /// The warnings gathered since the last call; they are cleared.
    static func drainWarnings() -> [String] {
        warnings.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}
