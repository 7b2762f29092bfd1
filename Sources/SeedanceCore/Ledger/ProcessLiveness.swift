import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a claim's owner process still runs, so a crashed worker's items can be taken over.
public enum ProcessLiveness {
    /// This machine's name, from `gethostname` (no DNS lookup).
    package static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// True when `pid` runs on this host (or may: a process of another user answers EPERM).
    /// Another host's process cannot be checked, so it counts as alive until its lease ends.
    public static func isAlive(pid: Int32, host: String) -> Bool {
        guard host == hostName, pid > 0 else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
