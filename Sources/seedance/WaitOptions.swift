import ArgumentParser
import Foundation

/// How to wait for a task and where to put its video: shared by `wait` and `submit --wait`.
struct WaitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Save the video here.", valueName: "FILE.mp4"))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Stop waiting after this many seconds (exit 5; the task keeps running).", valueName: "SECONDS"))
    var timeout: Int?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// An existing --output without --force is a usage error, found before anything is sent.
    func validateOutput() throws {
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("\(output) exists; pass --force to replace it")
        }
    }

    /// The flags that reproduce these options, for `submit --wait` and resume hints.
    var commandLineArguments: [String] {
        var arguments: [String] = []
        if let output { arguments += ["--output", output] }
        if force { arguments.append("--force") }
        if let timeout { arguments += ["--timeout", String(timeout)] }
        return arguments
    }
}
