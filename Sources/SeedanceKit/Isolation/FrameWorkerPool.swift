import Foundation
import FrameKit

/// Worker processes that prepare frames, so a crash of the image library (an abort, a segfault,
/// a kill for memory or CPU time) ends a worker, never the caller: the one place that starts,
/// reuses, replaces and reaps them.
///
/// Workers start on demand, up to ``maxWorkers``, and are reused for later frames. A frame whose
/// worker dies is tried once more on another worker; a second death is
/// ``SeedanceKitError/Kind-swift.enum/imageLibraryCrashed``. Call ``shutdown()`` when done: idle
/// workers see their input close, exit, and are reaped (no zombie, no open descriptor).
///
/// The worker is an executable that serves ``FrameWorkerService`` on its stdin and stdout: the
/// `seedance` CLI's hidden `prepare-worker` subcommand, or any program that calls
/// ``FrameWorkerService/serve()``.
public actor FrameWorkerPool {
    public nonisolated let executable: String
    public nonisolated let arguments: [String]
    public nonisolated let maxWorkers: Int
    /// The worker's argv[0]; the executable's path when nil.
    public nonisolated let programName: String?

    private var idle: [FrameWorkerProcess] = []
    private var live = 0
    /// Every worker started and not yet reaped, idle or busy.
    private var running: Set<pid_t> = []
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var closed = false

    /// - Parameters:
    ///   - executable: the worker program's path.
    ///   - arguments: what follows it on the command line (a subcommand, its limits).
    ///   - maxWorkers: at most this many workers at once (frames beyond wait their turn).
    ///   - programName: the worker's argv[0], when the executable's path is not its name
    ///     (`/proc/self/exe`, which still starts this program after its file was replaced).
    public init(executable: String, arguments: [String], maxWorkers: Int, programName: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.maxWorkers = max(1, maxWorkers)
        self.programName = programName
    }

    /// A pool for the time of `body`, shut down after it (also when it throws).
    public static func run<T>(
        executable: String, arguments: [String], maxWorkers: Int, programName: String? = nil,
        _ body: (FrameWorkerPool) async throws -> T
    ) async rethrows -> T {
        let pool = FrameWorkerPool(executable: executable, arguments: arguments, maxWorkers: maxWorkers, programName: programName)
        do {
            let result = try await body(pool)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    deinit {
        // A pool dropped without shutdown() still leaves no worker behind.
        for worker in idle { worker.reap(forcibly: false) }
    }

    /// Runs `job` in a worker; what it returns or throws is what ``FramePreparationJob/perform()``
    /// would have, or ``SeedanceKitError`` (`.imageLibraryCrashed`, `.frameWorkerUnavailable`).
    public nonisolated func prepare(_ job: FramePreparationJob) async throws -> FramePreparationJob.Outcome {
        let request = try FrameWorkerWire.encode(job, data: job.bytes)
        var deaths: [String] = []
        var reasons: [String] = []
        while deaths.count < 2 {
            let worker = try await acquire()
            let failure: any Error
            switch await Self.exchange(request, with: worker) {
            case .success(let answer):
                await release(worker)
                // As if libvips had raised them here: whoever reports this process's diagnostics reports them.
                ImageEngine.addDiagnostics(answer.diagnostics)
                return try answer.header.outcome(data: answer.data)
            case .failure(let error):
                failure = error
            }
            // The worker died mid-frame, or said something that is not an answer: how it ended,
            // and what reading its answer said (kept in the message, never dropped).
            let status = await discard(worker)
            try Task.checkCancellation()
            deaths.append(status.map(FrameWorkerProcess.describe) ?? "its stream broke")
            reasons.append("\(failure)")
        }
        throw SeedanceKitError(
            .imageLibraryCrashed,
            "\(job.inputName): the image library crashed on this frame: export it again as PNG or JPEG "
                + "(its preparation worker died twice: \(deaths.joined(separator: ", then ")); reading its answer: \(reasons.joined(separator: ", then ")))"
        )
    }

    /// Ends every idle worker and waits for each; a worker still busy is ended when its frame is.
    /// Later frames throw `.frameWorkerUnavailable`.
    public func shutdown() async {
        closed = true
        let ending = idle
        idle = []
        live -= ending.count
        for waiter in waiters { waiter.resume() }
        waiters = []
        await Self.blocking { ending.forEach { $0.reap(forcibly: false) } }
        for worker in ending { running.remove(worker.pid) }
    }

    /// The process ids of the workers running now (idle or busy): for tests and diagnostics.
    public var workerProcessIDs: Set<Int32> { running }

    // MARK: Workers

    private func acquire() async throws -> FrameWorkerProcess {
        while true {
            guard !closed else {
                throw SeedanceKitError(.frameWorkerUnavailable, "the frame preparation workers were shut down")
            }
            if let worker = idle.popLast() { return worker }
            if live < maxWorkers {
                live += 1
                do {
                    let worker = try FrameWorkerProcess.spawn(executable: executable, arguments: arguments, programName: programName)
                    running.insert(worker.pid)
                    return worker
                } catch {
                    live -= 1
                    throw error
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func release(_ worker: FrameWorkerProcess) async {
        if closed {
            live -= 1
            running.remove(worker.pid)
            _ = await Self.blocking { worker.reap(forcibly: false) }
        } else {
            idle.append(worker)
        }
        wakeOne()
    }

    /// A worker that died or broke its stream: killed if need be, reaped; its place is free.
    private func discard(_ worker: FrameWorkerProcess) async -> Int32? {
        live -= 1
        wakeOne()
        let status = await Self.blocking { worker.reap(forcibly: true) }
        running.remove(worker.pid)
        return status
    }

    private func wakeOne() {
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    /// The exchange on a thread of its own (it blocks on the socket), killing the worker if the
    /// task is cancelled meanwhile.
    private static func exchange(_ request: Data, with worker: FrameWorkerProcess) async -> Result<FrameWorkerProcess.Answer, any Error> {
        await withTaskCancellationHandler {
            await blocking { Result { try worker.exchange(request) } }
        } onCancel: {
            worker.kill()
        }
    }

    /// Blocking work off the cooperative pool (its few threads keep the batch moving).
    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}
