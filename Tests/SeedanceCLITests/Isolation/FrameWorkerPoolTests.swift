import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// The pool with real worker processes (the built `seedance prepare-worker`): the same answers
/// as in-process, typed errors carried over, crashes contained and retried once, every child reaped.
@Suite struct FrameWorkerPoolTests {
    static func pool(maxWorkers: Int = 2, fault: String? = nil) throws -> FrameWorkerPool {
        let executable = try #require(TestPaths.executable("seedance"), "build seedance first (swift build --build-tests)")
        return FrameWorkerPool(
            executable: executable, arguments: ["prepare-worker"] + (fault.map { ["--inject-fault", $0] } ?? []),
            maxWorkers: maxWorkers)
    }

    static func job(_ input: ImageInput, role: FrameRole = .first) throws -> FramePreparationJob {
        var options = FixOptions()
        options.video = VideoTarget(
            model: .defaultModel, parameters: GenerationParameters(["resolution": .string("480p")]), pixelAllowance: 2, sized: true)
        return try FramePreparationJob(input: input, policy: .seedance, options: options, role: role)
    }

    static func prepared(_ outcome: FramePreparationJob.Outcome) throws -> PreparedFrame {
        guard case .prepared(let frame) = outcome else { throw FrameError(.processingFailed, "expected a prepared frame") }
        return frame
    }

    /// A worker is reaped when kill(pid, 0) no longer finds it: a zombie still answers.
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    @Test func containedFramesAreTheInProcessFramesByteForByte() async throws {
        let pool = try Self.pool()
        let names = ["bad-first-sideways.jpg", "good-first.jpg", "accepted.png", "alpha.png", "cmyk-no-profile.jpg", "accepted.webp"]
        let contained = try await withThrowingTaskGroup(of: (String, PreparedFrame).self) { group in
            for name in names {
                let job = try Self.job(.file(TestPaths.fixture(name)))
                group.addTask { (name, try Self.prepared(await pool.prepare(job))) }
            }
            return try await group.reduce(into: [String: PreparedFrame]()) { $0[$1.0] = $1.1 }
        }
        let pids = await pool.workerProcessIDs
        // A worker may finish its frame before the next one asks: how many start is the
        // scheduler's choice; more than the pool's size never is.
        #expect((1...2).contains(pids.count), "frames beyond the pool's size wait for a worker: \(pids)")
        for name in names {
            let own = try Self.prepared(try Self.job(.file(TestPaths.fixture(name))).perform())
            let theirs = try #require(contained[name])
            #expect(theirs.bytes == own.bytes, "\(name)")
            #expect(theirs.plan == own.plan && theirs.after == own.after && theirs.geometry == own.geometry, "\(name)")
        }
        await pool.shutdown()
        #expect(await pool.workerProcessIDs.isEmpty)
        for pid in pids { #expect(Self.isGone(pid), "worker \(pid) reaped, no zombie") }
    }

    @Test func typedErrorsCrossTheBoundaryUnchanged() async throws {
        let pool = try Self.pool(maxWorkers: 1)
        for name in ["truncated.jpg", "random-bytes.bin", "refused.svg", "empty.jpg", "does-not-exist.jpg"] {
            let job = try Self.job(.file(TestPaths.fixture(name)))
            let own = #expect(throws: FrameError.self) { try job.perform() }
            let theirs = await #expect(throws: FrameError.self) { try await pool.prepare(job) }
            #expect(
                theirs?.kind == own?.kind && theirs?.source == own?.source, "\(name): \(String(describing: theirs)) vs \(String(describing: own))")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg")))
        let frame = try Self.prepared(await pool.prepare(try Self.job(.bytes(bytes, name: "in memory"))))
        #expect(frame.before.source == "in memory" && frame.before.bytes == bytes.count, "bytes travel beside the job")
        await pool.shutdown()
    }

    @Test(arguments: ["abort", "segv", "kill"])
    func aWorkerThatDiesIsReplacedAndTheFrameFailsAfterOneRetry(signal: String) async throws {
        let pool = try Self.pool(fault: "\(signal):crashy")
        try await withScratchFolder("pool-crash") { folder in
            let crashy = folder.appendingPathComponent("crashy.jpg")
            try FileManager.default.copyItem(atPath: TestPaths.fixture("good-first.jpg"), toPath: crashy.path)

            let error = await #expect(throws: SeedanceKitError.self) { try await pool.prepare(try Self.job(.file(crashy.path))) }
            #expect(error?.kind == .imageLibraryCrashed)
            #expect(
                error?.message.contains("\(crashy.path): the image library crashed on this frame: export it again as PNG or JPEG") == true,
                "\(String(describing: error))")
            let name = ["abort": "SIGABRT", "segv": "SIGSEGV", "kill": "SIGKILL"][signal] ?? signal
            #expect(
                error?.message.contains("died twice: \(name), then \(name)") == true, "tried once more, then failed: \(String(describing: error))")
            #expect(await pool.workerProcessIDs.isEmpty, "both dead workers reaped")

            // The pool goes on: the next frame gets a fresh worker.
            let frame = try Self.prepared(await pool.prepare(try Self.job(.file(TestPaths.fixture("good-first.jpg")))))
            #expect(frame.width > 0)
            let pids = await pool.workerProcessIDs
            await pool.shutdown()
            for pid in pids { #expect(Self.isGone(pid)) }
        }
    }

    /// The worker runs under its own limits, set before its first frame: read back from the kernel.
    @Test func aWorkerRunsUnderItsMemoryAndCPULimits() async throws {
        let executable = try #require(TestPaths.executable("seedance"))
        let pool = FrameWorkerPool(
            executable: executable, arguments: ["prepare-worker", "--max-memory-mb", "3000", "--max-cpu-seconds", "77"],
            maxWorkers: 1)
        // A descriptor of ours that is not close-on-exec: the worker must still not hold it.
        try await withScratchFolder("pool-fds") { folder in
            let marker = folder.resolvingSymlinksInPath().appendingPathComponent("inheritable").path
            let stray = open(marker, O_CREAT | O_RDWR, 0o600)
            try #require(stray >= 0)
            defer { close(stray) }
            _ = try await pool.prepare(try Self.job(.file(TestPaths.fixture("good-first.jpg"))))
            let pid = try #require(await pool.workerProcessIDs.first)
            let held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
                .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)") }
            #expect(!held.contains(marker), "the worker inherits no stray descriptor: \(held)")
            let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8).components(separatedBy: "\n")
            let memory = try #require(limits.first { $0.hasPrefix("Max address space") })
            #expect(memory.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first == "\(3000 << 20)", "\(memory)")
            let cpu = try #require(limits.first { $0.hasPrefix("Max cpu time") })
            let soft = Int(cpu.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first ?? "") ?? 0
            #expect((77...80).contains(soft), "the frame's seconds on top of what the worker had used: \(cpu)")
            let core = try #require(limits.first { $0.hasPrefix("Max core file size") })
            #expect(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first == "0", "no core files: \(core)")
            // Its environment, read back from the kernel: no API key.
            let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ")).split(separator: 0).map {
                String(decoding: $0, as: UTF8.self)
            }
            #expect(
                environ.contains("SWIFT_BACKTRACE=enable=no") && !environ.contains { $0.split(separator: "=").first?.hasSuffix("_API_KEY") == true })
            await pool.shutdown()
            #expect(Self.isGone(pid))
        }
    }

    @Test func aWorkerThatCannotStartIsATypedError() async throws {
        let pool = FrameWorkerPool(executable: "/nonexistent/seedance", arguments: ["prepare-worker"], maxWorkers: 1)
        let error = await #expect(throws: SeedanceKitError.self) { try await pool.prepare(try Self.job(.file(TestPaths.fixture("good-first.jpg")))) }
        #expect(error?.kind == .frameWorkerUnavailable)
        await pool.shutdown()
    }

    /// Many hostile frames at once through few workers: every one answers (a frame or a typed
    /// error), none hangs, and nothing is left running.
    @Test func manyCorruptAndTruncatedFramesAtOnceAllComplete() async throws {
        let pool = try Self.pool(maxWorkers: 3)
        var inputs: [ImageInput] = []
        for name in ["good-first.jpg", "accepted.png", "accepted.webp", "accepted.gif", "accepted.tif", "alpha.png", "rgb16.png", "truncated.jpg"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(name)))
            for cut in [16, 64, 200, bytes.count / 3, bytes.count / 2, bytes.count - 7] where cut > 0 && cut < bytes.count {
                inputs.append(.bytes(bytes.prefix(cut), name: "\(name) cut at \(cut)"))
            }
            var flipped = bytes
            for index in stride(from: min(300, bytes.count - 1), to: bytes.count, by: max(1, bytes.count / 40)) { flipped[index] ^= 0x5A }
            inputs.append(.bytes(flipped, name: "\(name) with flipped bytes"))
        }
        let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
            for input in inputs {
                let job = try Self.job(input)
                group.addTask {
                    do {
                        _ = try await pool.prepare(job)
                    } catch is FrameError {
                    } catch let error as SeedanceKitError where error.kind == .imageLibraryCrashed {
                        // A real crash of libvips on a hostile frame: contained, which is the point.
                    }
                    return true
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(answered == inputs.count)
        #expect(inputs.count >= 40)
        let pids = await pool.workerProcessIDs
        await pool.shutdown()
        for pid in pids { #expect(Self.isGone(pid)) }
    }
}
