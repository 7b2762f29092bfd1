public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension ChildProcess {
    /// Runs `executable` while `body` talks to it (waits for a line it prints, kills it part-way),
    /// then kills it (SIGKILL) unless it has ended, reaps it and removes its output files, whether
    /// `body` returns or throws: no child outlives the test that started it.
    /// With `inputPipe`, standard input is a pipe the test writes through ``Running/writeInput(_:)``
    /// (else /dev/null).
    public static func withStarted<T>(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, inputPipe: Bool = false,
        _ body: (Running) async throws -> T
    ) async throws -> T {
        try await withScratchFolder("child") { scratch in
            let child = try Running(
                executable, arguments, environment: environment, inputPipe: inputPipe,
                stdout: scratch.appendingPathComponent("stdout").path, stderr: scratch.appendingPathComponent("stderr").path)
            do {
                let value = try await body(child)
                _ = await child.kill()
                return value
            } catch {
                _ = await child.kill()
                throw error
            }
        }
    }

    /// A child that is running, or has ended and been reaped. A thread of its own waits for it
    /// to end (never a cooperative one); the child stays a zombie until that thread reaps it
    /// under the lock, so a kill sent under the lock can never reach a recycled pid.
    public final class Running: @unchecked Sendable {
        public let pid: Int32
        private let outputFile: String
        private let errorFile: String
        private let condition = NSCondition()
        /// Guarded by `condition`.
        private var ended: Outcome?
        private var killed = false
        /// The write end of the child's standard input, when it is a pipe; guarded by `condition`.
        private var input: Int32?

        init(
            _ executable: String, _ arguments: [String], environment: [String: String]?, inputPipe: Bool, stdout: String, stderr: String
        ) throws {
            outputFile = stdout
            errorFile = stderr
            var ends: [Int32] = [-1, -1]
            if inputPipe {
                // Close-on-exec in this process: a child another suite spawns later must not hold
                // the write end, or this child would never see the end of its input. (pipe2 is
                // hidden from Swift's Glibc; the window between pipe and fcntl is a few
                // instructions.)
                guard pipe(&ends) == 0 else {
                    throw SpawnError(description: "pipe failed: \(String(cString: strerror(errno)))")
                }
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            }
            defer { if inputPipe { close(ends[0]) } }
            let started = Date()
            do {
                pid = try ChildProcess.spawnCapturing(
                    executable, arguments, environment: environment, stdin: inputPipe ? ends[0] : nil, stdout: stdout, stderr: stderr)
            } catch {
                if inputPipe { close(ends[1]) }
                throw error
            }
            input = inputPipe ? ends[1] : nil
            let thread = Thread { [self] in reapWhenEnded(started: started) }
            thread.stackSize = 1 << 20
            thread.start()
        }

        private func reapWhenEnded(started: Date) {
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
            condition.lock()
            defer { condition.unlock() }
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
            ended = ChildProcess.outcome(status: status, usage: usage, started: started, timedOut: killed)
            condition.broadcast()
        }

        /// Writes `data` to the child's standard input (a pipe: `inputPipe`), off the cooperative pool.
        public func writeInput(_ data: Data) async throws {
            _ = Self.ignoringBrokenPipes
            let descriptor = condition.withLock { input }
            guard let descriptor else { throw SpawnError(description: "standard input is not a pipe, or is closed") }
            let failure: Int32? = await ChildProcess.onThread {
                data.withUnsafeBytes { buffer -> Int32? in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return errno
                        }
                        offset += written
                    }
                    return nil
                }
            }
            if let failure { throw SpawnError(description: "writing to the child's input: \(String(cString: strerror(failure)))") }
        }

        /// A child that ends before reading all its input must make the write fail (EPIPE), not
        /// kill the test process with SIGPIPE; set once, for the whole test process.
        private static let ignoringBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

        /// Closes the child's standard input: it reads the end of its input.
        public func closeInput() {
            condition.lock()
            defer { condition.unlock() }
            if let descriptor = input { close(descriptor) }
            input = nil
        }

        /// What it has written to standard output so far.
        public var standardOutputSoFar: String { (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "" }
        /// What it has written to standard error so far.
        public var standardErrorSoFar: String { (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "" }

        /// Waits until standard output holds the whole line `line`: false once the child has
        /// ended without printing it, or `timeout` seconds have passed.
        public func waitForLine(_ line: String, timeout: Double = 60) async -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            return await ChildProcess.onThread { [self] in
                while true {
                    if standardOutputSoFar.split(separator: "\n").contains(where: { $0 == line }) { return true }
                    if hasEnded { return standardOutputSoFar.split(separator: "\n").contains { $0 == line } }
                    if Date() > deadline { return false }
                    condition.lock()
                    _ = condition.wait(until: min(deadline, Date().addingTimeInterval(0.01)))
                    condition.unlock()
                }
            }
        }

        private var hasEnded: Bool {
            condition.lock()
            defer { condition.unlock() }
            return ended != nil
        }

        /// Waits for the child to end, killing it (SIGKILL) once `timeout` seconds have passed
        /// (the outcome then says `timedOut`), and returns how it ended with its streams.
        public func waitForExit(timeout: Double = 120) async -> Outcome {
            // No deadline for an infinite timeout: NSCondition traps on one as far off as distantFuture.
            let deadline = timeout.isFinite ? Date().addingTimeInterval(timeout) : nil
            return await ChildProcess.onThread { [self] in
                condition.lock()
                if let deadline {
                    while ended == nil, condition.wait(until: deadline) {}
                    if ended == nil {
                        killed = true
                        killChild(pid)
                    }
                }
                while ended == nil { condition.wait() }
                var outcome = ended!
                condition.unlock()
                outcome.standardOutput = standardOutputSoFar
                outcome.standardError = standardErrorSoFar
                return outcome
            }
        }

        /// Kills it with SIGKILL, as a crash would, unless it has already ended; then waits for
        /// it to be reaped.
        @discardableResult
        public func kill() async -> Outcome {
            closeInput()
            condition.withLock {
                if ended == nil { killChild(pid) }
            }
            return await waitForExit(timeout: .infinity)
        }
    }
}

/// SIGKILL; a free function, because inside ``ChildProcess/Running`` `kill` names its method.
private func killChild(_ pid: pid_t) {
    kill(pid, SIGKILL)
}
