import Foundation

/// How libvips runs in this process: its worker threads and its operation cache. libvips holds
/// these process-wide, so they are set once for the process (``ImageEngine/configure(_:)``), not
/// per fix.
public struct ImageEngineSettings: Sendable, Hashable, Codable {
    /// Worker threads each pipeline may use.
    public var threads: Int
    /// libvips' operation cache: a tool that never repeats an operation wants it off (0).
    public var cacheMaxOperations: Int
    public var cacheMaxBytes: Int
    public var cacheMaxFiles: Int

    public init(
        threads: Int = ImageEngineSettings.machineCores, cacheMaxOperations: Int = 0,
        cacheMaxBytes: Int = 0, cacheMaxFiles: Int = 0
    ) {
        self.threads = max(1, threads)
        self.cacheMaxOperations = max(0, cacheMaxOperations)
        self.cacheMaxBytes = max(0, cacheMaxBytes)
        self.cacheMaxFiles = max(0, cacheMaxFiles)
    }

    /// The cores this process may run on.
    public static var machineCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// The image engine (libvips) as the library's users see it.
public enum ImageEngine {
    /// Sets libvips' threads and cache for every later pipeline: at once when libvips runs,
    /// else when it starts (a libvips that cannot start says so at its first use, as a
    /// ``FrameError/Kind/libvipsUnavailable`` error).
    public static func configure(_ settings: ImageEngineSettings) {
        LibVips.configure(settings)
    }

    public static var settings: ImageEngineSettings { LibVips.currentSettings }

    /// Warnings libvips raised where no frame could own them (on its own worker threads), oldest
    /// first; they are cleared. A frame's own warnings are in its ``PreparedFrame/notes``.
    public static func takeDiagnostics() -> [String] {
        VipsWarnings.processDiagnostics.take()
    }

    /// Files warnings another process's libvips raised where no frame could own them (a frame
    /// preparation worker's), so that ``takeDiagnostics()`` here reports them too.
    public static func addDiagnostics(_ warnings: [String]) {
        warnings.forEach(VipsWarnings.processDiagnostics.record)
    }
}
