import ArgumentParser
import SeedanceAPI

/// `seedance status TASK_ID`: one task read, printed.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show a task's status once.")

    @Argument(help: "The task id printed by `seedance submit`.")
    var taskID: String

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        do {
            let result = try await api.withClient(forTask: taskID) { try await $0.task(id: taskID) }
            if result.status.isFinished { await StateStoreAccess.recordResult(result) }
            if json {
                try JSONOutput.print(TaskResultJSON(result))
            } else {
                var line = "\(result.taskID) \(result.status)"
                if let percent = result.progressPercent, !result.status.isFinished { line += " \(percent)%" }
                if let eta = result.eta, !result.status.isFinished { line += " eta \(eta)s" }
                if !result.reason.isEmpty { line += ": \(result.reason)" }
                Terminal.result(line)
                for video in result.videos { Terminal.result(video.url) }
            }
            if result.status == .failed { throw ExitStatus.refused.exitCode }
        } catch {
            throw ExitStatus.reporting(error)
        }
    }
}
