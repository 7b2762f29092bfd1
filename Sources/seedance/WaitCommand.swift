import ArgumentParser
import Foundation
import SeedanceAPI

/// `seedance wait TASK_ID`: polls until the task ends, then downloads its video.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Wait for a task to finish and download its video.")

    @Argument(help: "The task id printed by `seedance submit`.")
    var taskID: String

    @OptionGroup var waiting: WaitOptions

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        let destination = waiting.output.map { URL(fileURLWithPath: $0) }
        if let destination, !waiting.force, FileManager.default.fileExists(atPath: destination.path) {
            Terminal.diagnostic("seedance: \(destination.path) exists; pass --force to replace it")
            throw ExitStatus.usage.exitCode
        }
        do {
            try await api.withClient { client in try await wait(with: client, saving: destination) }
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    private func wait(with client: SeedanceClient, saving destination: URL?) async throws {
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
            if let destination {
                saved = try await client.downloadVideo(of: result, to: destination, force: waiting.force).path
            }
            await StateStoreAccess.recordResult(result, outputPath: saved)
            if json {
                try JSONOutput.print(TaskResultJSON(result, output: saved))
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
