import ArgumentParser
import Foundation
import SeedanceAPI
import SeedanceStub

/// Runs the provider stand-in in the foreground, for demos and manual testing.
@main
struct SeedanceStubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedance-stub",
        abstract: "A local stand-in for the Seedance 1.5 Pro API on novita.ai.",
        version: SeedanceVersion.current)

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(help: "Seconds a task takes to finish.")
    var taskSeconds = 5.0

    @Option(help: "The API key the stand-in accepts.")
    var key = "stub-key"

    @Option(help: "Make every task fail with this reason.")
    var failTasks: String?

    func run() async throws {
        let stub = try await SeedanceStub.start(
            StubConfiguration(
                apiKey: key, taskDuration: .milliseconds(Int64(taskSeconds * 1000)), taskFailureReason: failTasks,
                imageValidator: FrameRulesValidator.validate),
            port: port)
        // An unbuffered write: scripts wait for this line before they go on.
        FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(stub.port)\n".utf8))
        try await stub.waitUntilClosed()
    }
}
