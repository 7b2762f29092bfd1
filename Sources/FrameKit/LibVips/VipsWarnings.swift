internal import CVipsShim
import Foundation
import Synchronization

/// libvips warns through GLib's log (once per row on a truncated PNG; libjpeg's "corrupt data"
/// messages), and GLib's handler is one for the process. A warning belongs to the frame whose
/// work raised it: the thread that calls into libvips for a frame carries that frame's collector
/// (a task-local, which plain threads carry too), and the handler files each message with the
/// collector of the thread it runs on. Header reads and loader set-up run on the calling thread,
/// so their warnings are the frame's own; pixels are decoded on libvips' worker threads, which
/// carry no collector, so what they raise becomes a process diagnostic. So does a warning whose
/// text is libvips' error buffer (libjpeg's "Corrupt JPEG data" reaches GLib that way): that
/// buffer is one for all threads, so its lines may be any frame's.
final class VipsWarnings: Sendable {
    @TaskLocal static var current: VipsWarnings?
    /// Warnings no frame can own.
    static let processDiagnostics = VipsWarnings()
    /// A file with a warning per row would otherwise fill memory with copies of one message.
    static let maximumKept = 20

    private let messages = Mutex<[String]>([])

    func record(_ message: String) {
        messages.withLock { list in
            if list.count < Self.maximumKept, !list.contains(message) { list.append(message) }
        }
    }

    var all: [String] { messages.withLock { $0 } }

    func take() -> [String] {
        messages.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }

    /// Runs `body` with a fresh collector on this thread; returns its result and the warnings
    /// libvips raised for it.
    static func collecting<T>(_ body: () throws(FrameError) -> T) throws(FrameError) -> (value: T, warnings: [String]) {
        let collector = VipsWarnings()
        let result: Result<T, FrameError> = $current.withValue(collector) {
            do throws(FrameError) { return .success(try body()) } catch { return .failure(error) }
        }
        return (try result.get(), collector.all)
    }

    /// libvips' own warnings are one line each; a message of several lines, or one that is the
    /// start of the shared error buffer, is that buffer printed.
    static func isErrorBufferDump(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.contains("\n") else { return true }
        guard let buffer = vips_error_buffer(), !trimmed.isEmpty else { return false }
        return String(cString: buffer).hasPrefix(trimmed)
    }

    static func install() {
        let levels =
            G_LOG_LEVEL_ERROR.rawValue | G_LOG_LEVEL_CRITICAL.rawValue | G_LOG_LEVEL_WARNING.rawValue
            | G_LOG_LEVEL_MESSAGE.rawValue | G_LOG_FLAG_FATAL.rawValue | G_LOG_FLAG_RECURSION.rawValue
        g_log_set_handler(
            "VIPS", GLogLevelFlags(rawValue: levels),
            { _, _, message, _ in
                let text = message.map { String(cString: $0) } ?? ""
                let owner = VipsWarnings.isErrorBufferDump(text) ? nil : VipsWarnings.current
                (owner ?? VipsWarnings.processDiagnostics).record(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }, nil)
    }
}
