import ArgumentParser

/// `seedance check-arguments ARGUMENTS…` (hidden): parses and validates `seedance ARGUMENTS…`
/// exactly as a run would, then stops; nothing is read, written or sent. The examples in the README
/// and docs/ are checked with it (DocsExamplesTests), so an example naming a subcommand, option or
/// value that no longer exists fails a test. Exit 0 valid, 64 not (the usual usage message).
struct CheckArgumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-arguments",
        abstract: "Parse and validate a seedance command line without running it.",
        shouldDisplay: false
    )

    @Argument(parsing: .captureForPassthrough, help: "The arguments after `seedance`.")
    var arguments: [String] = []

    func run() throws {
        let command = try SeedanceCommand.parseAsRoot(arguments)
        guard !(command is CheckArgumentsCommand) else {
            throw ValidationError("check-arguments checks another command line, not itself")
        }
        let name = command is SeedanceCommand ? "" : " " + (type(of: command).configuration.commandName ?? "")
        print("valid: seedance\(name)")
    }
}
