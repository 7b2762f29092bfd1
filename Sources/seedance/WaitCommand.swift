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

    func validate() throws {
        try waiting.validateOutput()
    }

    func run() async throws {
        let waiter = TaskWaiter(taskID: taskID, waiting: waiting, json: json, api: api)
        do {
            try await api.withClient(forTask: taskID) { try await waiter.run(with: $0) }
        } catch {
            throw ExitStatus.reporting(error)
        }
    }
}
