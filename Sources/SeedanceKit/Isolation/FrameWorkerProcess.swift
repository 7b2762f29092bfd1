import Foundation
import Synchronization

/// One preparation worker: a child process joined to this one by a socket that is its standard
/// input and output. It is reaped exactly once (``reap(forcibly:)``), after which its pid is
/// never signalled again: a reused pid can never be hit.
final class FrameWorkerProcess: Sendable {
    let pid: pid_t
    /// This side of the socket; closed when the worker is reaped.
    private let socket: Int32
    private let reaped = Mutex(false)

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    /// Starts `executable` with `arguments` (argv[0] `programName`, else the path); its stdin
    /// and stdout are one end of a new socket.
    static func spawn(executable: String, arguments: [String], programName: String? = nil) throws(SeedanceKitError) -> FrameWorkerProcess {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec on both ends: no other child (another worker starting at the same time)
        // inherits them, or a dead worker's socket would never read as closed.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw unavailable(executable, "socketpair: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO)
        // Nothing else of ours (a store, a socket to the provider, a terminal) reaches the
        // process that parses hostile images.
        addCloseFrom(3, to: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals as the worker's own code expects them: nothing blocked or ignored from us.
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = workerEnvironment(ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([programName ?? executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(ends[1])
        guard status == 0 else {
            close(ends[0])
            throw unavailable(executable, String(cString: strerror(status)))
        }
        return FrameWorkerProcess(pid: pid, socket: ends[0])
    }

    /// The worker's environment: ours without secrets (a process that parses hostile images
    /// never holds an API key or the store's address), and without the Swift runtime's
    /// backtracer, which would spend seconds on a crash the caller handles.
    static func workerEnvironment(_ environment: [String: String]) -> [String: String] {
        var kept = environment.filter { !$0.key.hasSuffix("_API_KEY") && $0.key != "SEEDANCE_STORE_URL" }
        kept["SWIFT_BACKTRACE"] = "enable=no"
        return kept
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), which the Glibc module does not
    /// import: found at run time; without it, only our close-on-exec descriptors are kept out.
    private static func addCloseFrom(_ lowest: Int32, to actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest)
    }

    private static func unavailable(_ executable: String, _ reason: String) -> SeedanceKitError {
        SeedanceKitError(.frameWorkerUnavailable, "cannot start the frame preparation worker \(executable): \(reason)")
    }

    /// A worker's answer: its header, and the bytes beside it.
    struct Answer: Sendable {
        var header: FrameWorkerResponse
        /// The worker's libvips warnings that no frame owns.
        var diagnostics: [String]
        var data: Data
    }

    /// Sends one message and reads the answer; blocks, so it runs on a thread of its own. Throws
    /// when the worker is gone or its answer does not decode.
    func exchange(_ message: Data) throws -> Answer {
        try FrameWorkerWire.write(message, to: socket)
        let answer = try FrameWorkerWire.read(FrameWorkerAnswerHeader.self, from: socket)
        return Answer(header: answer.header.response, diagnostics: answer.header.diagnostics, data: answer.data)
    }

    /// Kills the worker now (a cancelled frame); it is reaped by whoever holds it.
    func kill() {
        reaped.withLock { done in
            if !done { _ = Foundation.kill(pid, SIGKILL) }
        }
    }

    /// Ends the worker and waits for it: a worker at rest exits when its input closes; one that
    /// failed mid-frame is killed first. Returns how it ended (waitpid's status), once.
    @discardableResult
    func reap(forcibly: Bool) -> Int32? {
        reaped.withLock { done -> Int32? in
            guard !done else { return nil }
            done = true
            if forcibly { _ = Foundation.kill(pid, SIGKILL) }
            close(socket)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return status
        }
    }

    /// waitpid's status in words: "SIGABRT", "exit status 3".
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        guard signal != 0 else { return "exit status \((status >> 8) & 0xff)" }
        let names: [Int32: String] = [
            SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS", SIGILL: "SIGILL",
            SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE", SIGXCPU: "SIGXCPU (its CPU time limit)", SIGTERM: "SIGTERM",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
