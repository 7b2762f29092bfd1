import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one way tests run another program. Every wait has a deadline, after which the child is
/// killed (SIGKILL) and reaped; every blocking wait runs on a thread of its own, never on Swift's
/// cooperative pool (two threads on a two-core machine: one blocked wait would stall the suites).
/// How a program ended and its peak memory come from `wait4`'s resource usage: no shell, no
/// `/usr/bin/time`. A program to talk to while it runs is ``withStarted(_:_:environment:_:)``.
public enum ChildProcess {
    public struct Outcome: Sendable {
        /// The exit status, when the program exited.
        public var status: Int32?
        /// The signal that ended it, when one did (SIGKILL after a timeout included).
        public var signal: Int32?
        public var timedOut: Bool
        /// Peak resident set size in bytes.
        public var peakBytes: Int
        public var seconds: Double
        public var standardOutput: String
        public var standardError: String

        /// The exit status, or 128 + the signal, as a shell reports it.
        public var shellStatus: Int32 { status ?? 128 + (signal ?? 0) }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Runs `executable` (an absolute path) with `arguments` to its end, standard input from
    /// /dev/null, and both output streams captured through files (no pipe can fill and block the
    /// child). The wait runs on a thread of its own.
    /// - Parameters:
    ///   - environment: the whole environment; nil inherits this process's.
    ///   - timeout: seconds; then the child is killed (SIGKILL) and reaped, and the outcome says so.
    ///   - killWhen: checked every few milliseconds; once true the child is killed with SIGKILL
    ///     (a crash test's "part-way"), then reaped like any other.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        timeout: Double, killWhen: (@Sendable () -> Bool)? = nil
    ) async throws -> Outcome {
        try await onThread {
            Result { try runBlocking(executable, arguments, environment: environment, timeout: timeout, killWhen: killWhen) }
        }.get()
    }

    /// ``run(_:_:environment:timeout:killWhen:)`` on the calling thread, for code that already
    /// runs on a thread of its own.
    static func runBlocking(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        timeout: Double, killWhen: (@Sendable () -> Bool)?
    ) throws -> Outcome {
        try withScratchFolder("child") { scratch in
            let outputFile = scratch.appendingPathComponent("stdout").path
            let errorFile = scratch.appendingPathComponent("stderr").path
            let started = Date()
            let pid = try spawnCapturing(executable, arguments, environment: environment, stdin: nil, stdout: outputFile, stderr: errorFile)
            var ended = try reap(pid, started: started, timeout: timeout, killWhen: killWhen)
            ended.standardOutput = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            ended.standardError = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            return ended
        }
    }

    /// Starts `executable` with standard input from the descriptor `stdin` (nil: /dev/null) and
    /// its output streams written to the files `stdout` and `stderr`.
    static func spawnCapturing(
        _ executable: String, _ arguments: [String], environment: [String: String]?, stdin: Int32?, stdout: String, stderr: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        return try spawn(executable, arguments, environment: environment, actions: &actions)
    }

    /// Starts `executable` (an absolute path) with the descriptors `actions` sets up.
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        actions: inout posix_spawn_file_actions_t
    ) throws -> pid_t {
        // The test runner's threads may block signals; a child must not inherit that mask, or it
        // could ignore a polite stop. Every signal gets its default action and none is blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Waits for `pid` to end, killing it (SIGKILL) once `timeout` seconds have passed since
    /// `started` or `killWhen` says so, and calling `meanwhile` every few milliseconds (to drain
    /// a pipe or a terminal the child writes to). The outcome's streams are left empty.
    static func reap(
        _ pid: pid_t, started: Date, timeout: Double, killWhen: (@Sendable () -> Bool)? = nil,
        meanwhile: () -> Void = {}
    ) throws -> Outcome {
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var killed = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR {
                // Cannot happen for our own child; kill it anyway so nothing outlives the test.
                kill(pid, SIGKILL)
                throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))")
            }
            if !timedOut, Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            if !killed, let killWhen, killWhen() {
                killed = true
                kill(pid, SIGKILL)
            }
            meanwhile()
            usleep(2_000)
        }
        return outcome(status: status, usage: usage, started: started, timedOut: timedOut)
    }

    /// How a reaped child ended, from `wait4`'s status and resource usage; its streams empty.
    static func outcome(status: Int32, usage: rusage, started: Date, timedOut: Bool) -> Outcome {
        let signalled = status & 0x7F
        return Outcome(
            status: signalled == 0 ? (status >> 8) & 0xFF : nil,
            signal: signalled == 0 ? nil : signalled,
            timedOut: timedOut,
            peakBytes: Int(usage.ru_maxrss) * 1024,
            seconds: Date().timeIntervalSince(started),
            standardOutput: "",
            standardError: "")
    }

    /// Runs a program found on PATH (through /usr/bin/env), e.g. `python3` or `vips`.
    public static func runFromPath(_ program: String, _ arguments: [String], timeout: Double) async throws -> Outcome {
        try await run("/usr/bin/env", [program] + arguments, timeout: timeout)
    }

    /// Runs `body` on a thread of its own, so a blocking loop never holds a cooperative thread.
    public static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
