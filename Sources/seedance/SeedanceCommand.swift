import ArgumentParser
import SeedanceAPI

@main
struct SeedanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedance",
        abstract: "Get frames accepted by Seedance image-to-video models, and turn them into a video.",
        version: SeedanceVersion.current,
        subcommands: [CheckCommand.self, FixCommand.self, SubmitCommand.self, StatusCommand.self, WaitCommand.self, TasksCommand.self,
                      ReconcileCommand.self, ModelsCommand.self, BatchCommand.self, PreviewCommand.self,
                      CheckArgumentsCommand.self]
    )
}
