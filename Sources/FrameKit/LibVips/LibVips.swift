internal import CVipsShim
import Foundation
import Synchronization

/// The owner of process-wide libvips state: started once, never shut down (libvips cannot
/// restart), with its worker threads and operation cache set from ``ImageEngineSettings``.
///
/// Every entry point into libvips goes through ``LibVips/ensureStarted()``, so the first use on
/// any thread starts it and later uses see the same result.
enum LibVips {
    /// The settings, and whether libvips has started to take them: one lock, so a setting made
    /// while libvips starts is applied exactly once, by whichever comes second.
    private struct State {
        var settings = ImageEngineSettings()
        var started = false
    }

    private static let state = Mutex(State())

    private static let startResult: Result<Void, FrameError> = {
        guard CVipsShim_init("seedance") == 0 else {
            return .failure(FrameError(.libvipsUnavailable, "libvips failed to start: \(takeErrorText())"))
        }
        VipsWarnings.install()
        // Untrusted loaders (SVG, PDF, …) never run on untrusted input; ImageMagick stays for BMP
        // only, which we reach only after our own header check (BMPHeader).
        vips_block_untrusted_set(1)
        vips_operation_block_set("VipsForeignLoadMagick", 0)
        state.withLock { state in
            state.started = true
            apply(state.settings)
        }
        return .success(())
    }()

    static func ensureStarted() throws(FrameError) {
        try startResult.get()
    }

    static var currentSettings: ImageEngineSettings { state.withLock { $0.settings } }

    /// Records the settings; libvips takes them now if it runs, else when it starts. Setting
    /// them never starts libvips, so it cannot fail: a libvips that cannot start says so at its
    /// first use.
    static func configure(_ new: ImageEngineSettings) {
        state.withLock { state in
            state.settings = new
            if state.started { apply(new) }
        }
    }

    /// The worker threads libvips will use for the next pipeline.
    static var appliedThreads: Int { Int(vips_concurrency_get()) }

    private static func apply(_ settings: ImageEngineSettings) {
        vips_concurrency_set(Int32(clamping: settings.threads))
        vips_cache_set_max(Int32(clamping: settings.cacheMaxOperations))
        vips_cache_set_max_mem(settings.cacheMaxBytes)
        vips_cache_set_max_files(Int32(clamping: settings.cacheMaxFiles))
    }

    /// Reads libvips' error buffer right after a failing call. The buffer is one for all threads,
    /// so the text is a hint for people, never something to decide on.
    static func takeErrorText() -> String {
        guard let text = vips_error_buffer_copy() else { return "" }
        defer { g_free(text) }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "what failed (libvips: hint)", the hint left out when libvips said nothing.
    static func describe(_ failure: String) -> String {
        let hint = takeErrorText()
        return hint.isEmpty ? failure : "\(failure) (libvips: \(hint))"
    }
}
