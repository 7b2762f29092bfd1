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

    @Option(help: "Accept at most this many creates per window (then 429 RATE_LIMIT_EXCEEDED with Retry-After).")
    var createRpm: Int?

    @Option(help: "The window for --create-rpm, in seconds.")
    var createWindowSeconds = 60.0

    @Option(help: "Accept at most this many tasks queued or running at once (then 429).")
    var maxRunning: Int?

    func validate() throws {
        if let createRpm, createRpm < 1 { throw ValidationError("--create-rpm must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
        if !(createWindowSeconds > 0) { throw ValidationError("--create-window-seconds must be positive") }
    }

    func run() async throws {
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: key, taskDuration: .milliseconds(Int64(taskSeconds * 1000)), taskFailureReason: failTasks,
                imageValidator: FrameRulesValidator.validate,
                createLimit: createRpm.map { StubLimits.CreateRate(creates: $0, window: .milliseconds(Int64(createWindowSeconds * 1000))) },
                maxRunningTasks: maxRunning),
            port: port
        ) { stub in
            // An unbuffered write: scripts wait for this line before they go on.
            FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(stub.port)\n".utf8))
            try await stub.waitUntilClosed()
        }
    }
}
