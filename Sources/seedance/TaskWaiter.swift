import Foundation
import SeedanceAPI

/// Polls a task to its end, downloads its video and records the finish: the one waiter behind
/// `seedance wait` and `seedance submit --wait`, on whichever client the caller already has.
struct TaskWaiter {
    var taskID: String
    var waiting: WaitOptions
    var json: Bool
    var api: APIOptions

    /// Throws an `ExitCode` for the documented outcomes (failed task, deadline) and library
    /// errors for the rest (mapped by ``ExitStatus/reporting(_:command:)``).
    func run(with client: SeedanceClient) async throws {
        let destination = waiting.output.map { URL(fileURLWithPath: $0) }
        let reporter = ProgressReporter()
        let outcome = try await client.poller().wait(for: taskID, timeout: waiting.timeout.map { .seconds($0) }) { reporter.report($0) }
        switch outcome {
        case .deadlineReached(let last):
            let resume = resumeCommand
            Terminal.diagnostic("task \(taskID) is still running after \(waiting.timeout ?? 0)s; resume with:\n  \(resume)")
            if json, let last { try JSONOutput.print(TaskResultJSON(last, resumeCommand: resume)) }
            throw ExitStatus.stillRunning.exitCode
        case .finished(let result) where result.status == .failed:
            await StateStoreAccess.recordResult(result)
            Terminal.diagnostic("seedance: task \(taskID) failed: \(result.reason.isEmpty ? "no reason given" : result.reason)")
            if json { try JSONOutput.print(TaskResultJSON(result)) }
            throw ExitStatus.refused.exitCode
        case .finished(let result):
            var saved: String?
            var lastFrame: String?
            if let destination {
                saved = try await client.downloadVideo(of: result, to: destination, force: waiting.force).path
                // NAME.last.png beside NAME.mp4, when the task returned its last frame.
                let frame = destination.deletingPathExtension().appendingPathExtension("last.png")
                lastFrame = try await client.downloadLastFrame(of: result, to: frame, force: waiting.force)?.path
                if let lastFrame { Terminal.diagnostic("last frame saved to \(lastFrame)") }
            }
            await StateStoreAccess.recordResult(result, outputPath: saved)
            if json {
                try JSONOutput.print(TaskResultJSON(result, output: saved, lastFrameOutput: lastFrame))
            } else {
                Terminal.result(saved ?? result.videos.first?.url ?? result.taskID)
            }
        }
    }

    /// The exact command that continues this wait.
    var resumeCommand: String {
        var arguments = ["seedance", "wait", taskID] + waiting.commandLineArguments
        if json { arguments.append("--json") }
        arguments += api.commandLineArguments
        return arguments.map(Terminal.shellQuoted).joined(separator: " ")
    }
}
