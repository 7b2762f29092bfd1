import Foundation
import FrameKit

/// The worker's side of ``FrameWorkerPool``: reads one ``FramePreparationJob`` at a time on
/// stdin, performs it, and writes the outcome (or its typed error) on stdout, until stdin closes.
/// The process's limits are set before libvips is touched.
public struct FrameWorkerService: Sendable {
    public var limits: FrameWorkerLimits
    /// Fault injection for tests, like the stub's faults: `SIGNAL:TEXT` (SIGNAL one of `abort`,
    /// `segv`, `kill`) makes the worker die by that signal when it receives a frame whose input
    /// name contains TEXT, every time, after saying so on stderr; `hang:TEXT` makes it block
    /// without using CPU (a decoder stuck on a read) until it is killed. nil in normal use.
    public var fault: String?

    public init(limits: FrameWorkerLimits = FrameWorkerLimits(), fault: String? = nil) {
        self.limits = limits
        self.fault = fault
    }

    /// Serves until stdin closes at a message boundary; throws when the stream breaks.
    public func serve() throws {
        // The protocol owns the original descriptors; a stray print from any library goes to
        // stderr instead of corrupting a message, and nothing can read the requests but us.
        let input = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)
        let output = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        defer {
            close(input)
            close(output)
        }
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let null = open("/dev/null", O_RDONLY)
        dup2(null, STDIN_FILENO)
        close(null)
        applyProcessLimits()
        let fault = Fault(fault)
        while true {
            let request: (header: FramePreparationJob, data: Data)
            do {
                request = try FrameWorkerWire.read(FramePreparationJob.self, from: input)
            } catch let closed as FrameWorkerWire.Closed where closed.clean {
                return
            }
            var job = request.header
            job.bytes = request.data
            fault?.strike(job.inputName)
            limitCPUForNextFrame()
            let answer = FrameWorkerResponse.message(for: Result { try job.perform() })
            let header = FrameWorkerAnswerHeader(response: answer.header, diagnostics: ImageEngine.takeDiagnostics())
            try FrameWorkerWire.write(FrameWorkerWire.encode(header, data: answer.data), to: output)
        }
    }

    private func applyProcessLimits() {
        // A crash is handled by the caller; a core file of every one would fill the disk.
        var core = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(Self.resource(RLIMIT_CORE), &core)
        if let bytes = limits.addressSpaceBytes {
            var memory = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
            setrlimit(Self.resource(RLIMIT_AS), &memory)
        }
    }

    /// RLIMIT_CPU counts the process's whole life: the next frame gets its own seconds on top of
    /// what the worker has used so far (SIGXCPU when they run out).
    private func limitCPUForNextFrame() {
        guard let seconds = limits.cpuSecondsPerFrame else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec) + 1
        var current = rlimit()
        getrlimit(Self.resource(RLIMIT_CPU), &current)
        var next = rlimit(rlim_cur: min(rlim_t(used + seconds), current.rlim_max), rlim_max: current.rlim_max)
        setrlimit(Self.resource(RLIMIT_CPU), &next)
    }

    /// Glibc declares the resources as an enum and the calls as taking its raw value.
    private static func resource(_ resource: __rlimit_resource) -> __rlimit_resource_t {
        __rlimit_resource_t(resource.rawValue)
    }

    /// A parsed ``fault``.
    private struct Fault {
        var signal: Int32
        var name: String
        var match: String

        init?(_ text: String?) {
            guard let text, let colon = text.firstIndex(of: ":") else { return nil }
            // Signal 0: no signal, a hang.
            let signals: [String: (Int32, String)] = [
                "abort": (SIGABRT, "SIGABRT"), "segv": (SIGSEGV, "SIGSEGV"), "kill": (SIGKILL, "SIGKILL"),
                "hang": (0, "a hang"),
            ]
            guard let chosen = signals[String(text[..<colon])] else { return nil }
            (signal, name, match) = (chosen.0, chosen.1, String(text[text.index(after: colon)...]))
        }

        func strike(_ input: String) {
            guard !match.isEmpty, input.contains(match) else { return }
            FileHandle.standardError.write(Data("seedance prepare-worker: injected fault: \(name) on \(input)\n".utf8))
            if signal == SIGABRT { abort() }
            if signal == 0 { while true { pause() } }
            raise(signal)
        }
    }
}
