import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with a deadline and reports how it ended and its peak memory, from `wait4`'s
/// resource usage: no shell, no `/usr/bin/time`. Blocking; call it off the cooperative pool.
struct ChildProcess {
    struct Outcome: Sendable {
        /// The exit status, when the program exited.
        var status: Int32?
        /// The signal that ended it, when one did (SIGKILL after a timeout included).
        var signal: Int32?
        var timedOut: Bool
        /// Peak resident set size in bytes.
        var peakBytes: Int
        var seconds: Double
        var standardError: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Double, scratch: URL) throws -> Outcome {
        let errorFile = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer { unlink(errorFile.path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR {
                throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))")
            }
            if !timedOut, Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(2_000)
        }
        let signalled = status & 0x7F
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Outcome(status: signalled == 0 ? (status >> 8) & 0xFF : nil,
                       signal: signalled == 0 ? nil : signalled,
                       timedOut: timedOut,
                       peakBytes: Int(usage.ru_maxrss) * 1024,
                       seconds: Date().timeIntervalSince(started),
                       standardError: errorText)
    }

    /// Runs `body` on a thread of its own, so a blocking loop never holds a cooperative thread.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
