import Foundation
import SeedanceKit

/// How the CLI prepares frames: in worker processes of its own executable (`prepare-worker`), so
/// a crash of the image library on one frame is that frame's error, never the command's end.
///
/// Environment: `SEEDANCE_FRAME_ISOLATION=in-process` prepares in the command's own process (for
/// measuring what containment costs); `SEEDANCE_WORKER_MAX_MEMORY_MB` and
/// `SEEDANCE_WORKER_MAX_CPU_SECONDS` set each worker's limits (0: none).
enum ContainedPreparation {
    /// Runs `body` with the isolation to prepare with (at most `workers` workers at once); the
    /// workers are ended and reaped when it returns or throws.
    static func run<T>(workers: Int, _ body: (FramePreparationIsolation) async throws -> T) async rethrows -> T {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SEEDANCE_FRAME_ISOLATION"]?.lowercased() != "in-process" else { return try await body(.inProcess) }
        var arguments = ["prepare-worker"]
        if let memory = environment["SEEDANCE_WORKER_MAX_MEMORY_MB"].flatMap(Int.init) { arguments += ["--max-memory-mb", "\(memory)"] }
        if let seconds = environment["SEEDANCE_WORKER_MAX_CPU_SECONDS"].flatMap(Int.init) { arguments += ["--max-cpu-seconds", "\(seconds)"] }
        // This executable as the kernel holds it: a path (even the kernel's answer) breaks when
        // the file is replaced or removed mid-run (an upgrade), and a relative argv[0] after a chdir.
        return try await FrameWorkerPool.run(
            executable: "/proc/self/exe", arguments: arguments, maxWorkers: workers,
            programName: "seedance"
        ) { pool in
            try await body(.contained(pool))
        }
    }

    /// `submitter` preparing its frames contained, for the time of `body`.
    static func run<T>(_ submitter: VideoSubmitter, workers: Int = 1, _ body: (VideoSubmitter) async throws -> T) async rethrows -> T {
        try await run(workers: workers) { isolation in
            var contained = submitter
            contained.isolation = isolation
            return try await body(contained)
        }
    }
}
