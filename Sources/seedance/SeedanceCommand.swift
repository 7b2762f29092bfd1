import ArgumentParser
import Foundation
import SeedanceAPI

@main
struct SeedanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedance",
        abstract: "Get frames accepted by Seedance image-to-video models, and turn them into a video.",
        version: SeedanceVersion.current,
        subcommands: [
            CheckCommand.self, FixCommand.self, SubmitCommand.self, StatusCommand.self, WaitCommand.self, TasksCommand.self,
            ReconcileCommand.self, ModelsCommand.self, BatchCommand.self, PreviewCommand.self,
            PrepareWorkerCommand.self,
        ]
    )

    /// With `SEEDANCE_CHECK_ARGUMENTS=1` the command line is parsed and validated exactly as a run
    /// would (every option against the chosen model), and then nothing runs: nothing is read,
    /// written or sent. Exit 0 valid, 64 not, with the usual message. The examples in the README
    /// and docs/ are checked this way (DocsExamplesTests); an environment variable rather than a
    /// hidden subcommand, so it appears in no help, completion or man page.
    static func main() async {
        guard ProcessInfo.processInfo.environment["SEEDANCE_CHECK_ARGUMENTS"] == "1" else {
            await main(nil)
            return
        }
        do {
            let command = try await asyncParseAsRoot()
            let name = command is SeedanceCommand ? "" : " " + (type(of: command).configuration.commandName ?? "")
            print("valid: seedance\(name)")
        } catch {
            exit(withError: error)
        }
    }
}
