import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a pseudo-terminal of a given size, as a person's terminal would, and
/// records every byte it draws: stdin, stdout and stderr are the terminal, so `isatty` is true
/// and `TIOCGWINSZ` answers the size set here. Like ``ChildProcess/run(_:_:environment:timeout:killWhen:)``
/// it always reaps the child (killed with SIGKILL after `timeout`) before returning.
public enum PseudoTerminal {
    public struct Outcome: Sendable {
        /// How the program ended (its streams are in ``output``).
        public var ended: ChildProcess.Outcome
        /// Everything written to the terminal, as the terminal received it (the line discipline
        /// turns each `\n` into `\r\n`).
        public var output: String
        /// Where in ``output`` (in UTF-8 bytes) the terminal was resized, if it was.
        public var resizedAt: Int?
    }

    /// A resize while the program runs, as a person drags a window: once the output so far
    /// satisfies `when`, the terminal becomes `columns` wide and the program gets SIGWINCH (the
    /// terminal is not its controlling one, so the kernel would not send it).
    public struct Resize: Sendable {
        public var columns: Int
        public var when: @Sendable (String) -> Bool

        public init(columns: Int, when: @escaping @Sendable (String) -> Bool) {
            self.columns = columns
            self.when = when
        }
    }

    /// Runs `executable` on the terminal to its end; the wait runs on a thread of its own.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        columns: Int, rows: Int = 24, resize: Resize? = nil, timeout: Double
    ) async throws -> Outcome {
        try await ChildProcess.onThread {
            Result {
                try runBlocking(executable, arguments, environment: environment, columns: columns, rows: rows, resize: resize, timeout: timeout)
            }
        }.get()
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        columns: Int, rows: Int, resize: Resize?, timeout: Double
    ) throws -> Outcome {
        // posix_openpt, unlockpt and ptsname are hidden from Swift's Glibc (feature macros), so
        // what they do on Linux is done here: open the multiplexer, unlock, ask the number.
        // Close-on-exec on both ends: a child another suite spawns meanwhile must not inherit
        // them, or the drain below waits for that child to end before it sees the hang-up.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw failure("open /dev/ptmx") }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw failure("TIOCSPTLCK/TIOCGPTN")
        }
        let name = "/dev/pts/\(number)"
        guard setSize(master, columns: columns, rows: rows) else { throw failure("TIOCSWINSZ") }
        // This process holds the terminal's other end open until the child is reaped, then closes
        // it: the last reads then return what is still buffered, and then a hang-up (EIO).
        let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw failure("open \(name)") }
        var slaveOpen = true
        defer { if slaveOpen { close(slave) } }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, descriptor) }
        posix_spawn_file_actions_addclose(&actions, master)

        let started = Date()
        let pid = try ChildProcess.spawn(executable, arguments, environment: environment, actions: &actions)
        var output = [UInt8]()
        var resizedAt: Int?
        // Drained while the child runs: a full terminal buffer would block its writes.
        let ended = try ChildProcess.reap(
            pid, started: started, timeout: timeout,
            meanwhile: {
                drain(master, into: &output, waiting: 0)
                if resizedAt == nil, let resize, resize.when(String(decoding: output, as: UTF8.self)),
                    setSize(master, columns: resize.columns, rows: rows)
                {
                    resizedAt = scalarBoundary(output)
                    kill(pid, SIGWINCH)
                }
            })
        close(slave)
        slaveOpen = false
        drain(master, into: &output, waiting: 10_000)
        return Outcome(ended: ended, output: String(decoding: output, as: UTF8.self), resizedAt: resizedAt)
    }

    /// The end of `bytes`, or the start of its last scalar when that is not one byte: a place
    /// where a String can be cut.
    private static func scalarBoundary(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
        if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        return end
    }

    private static func setSize(_ master: Int32, columns: Int, rows: Int) -> Bool {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        return ioctl(master, UInt(TIOCSWINSZ), &size) == 0
    }

    /// Reads what the terminal holds until none comes for `waiting` milliseconds or its other
    /// end has hung up and everything was read.
    private static func drain(_ master: Int32, into output: inout [UInt8], waiting: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, waiting)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                return
            }
        }
    }

    /// `TIOCSPTLCK` and `TIOCGPTN`: Linux's `_IOW('T', 0x31, int)` and `_IOR('T', 0x30, unsigned
    /// int)`, macros Swift cannot import (the generic encoding, as on x86-64 and arm64).
    private static let setLock = UInt(0x4004_5431)
    private static let getNumber = UInt(0x8004_5430)

    private static func failure(_ step: String) -> ChildProcess.SpawnError {
        ChildProcess.SpawnError(description: "pseudo-terminal: \(step) failed: \(String(cString: strerror(errno)))")
    }
}
