import Foundation
import Testing

/// Every `seedance …` command line in the fenced `sh` blocks of README.md and docs/*.md is parsed
/// and validated by the built binary (`SEEDANCE_CHECK_ARGUMENTS=1 seedance …`, which runs exactly
/// the parsing and validation of a real run and then stops), from the repository root so fixture
/// paths resolve.
/// An example naming a subcommand, an option or a value that no longer exists fails here.
@Suite struct DocsExamplesTests {
    @Test("every documented seedance command line parses and validates")
    func documentedCommandLinesAreValid() async throws {
        let examples = try DocsExample.all(in: TestPaths.repositoryRoot)
        // The README's recipes and the manual's pages all hold examples: a parser that found none
        // (a renamed fence, a moved page) must fail rather than pass vacuously.
        let files = Set(examples.map(\.file))
        for page in ["README.md", "docs/cli.md", "docs/batch.md", "docs/models-and-providers.md"] {
            #expect(files.contains(page), "no seedance example found in \(page)")
        }
        #expect(examples.count >= 25, "only \(examples.count) examples found")
        for example in examples {
            let result = try await checkArguments(example.arguments)
            #expect(
                result.shellStatus == 0,
                "\(example.file):\(example.line): seedance \(example.arguments.joined(separator: " ")) → exit \(result.shellStatus): \(result.standardError)"
            )
        }
    }

    @Test(
        "checking refuses what a run would refuse",
        arguments: [
            ["check", "fixtures/good-first.jpg", "--no-such-option"],
            ["frobnicate", "fixtures/good-first.jpg"],
            ["submit", "fixtures/good-first.jpg", "--prompt", "x", "--duration", "15"],
            ["submit", "fixtures/good-first.jpg", "--prompt", "x", "--fast"],
            ["batch", "shots.jsonl"],
            ["wait", "TASK_ID", "--timeout", "0"],
        ])
    func refusesInvalidCommandLines(_ arguments: [String]) async throws {
        let result = try await checkArguments(arguments)
        #expect(result.shellStatus == 64, "seedance \(arguments.joined(separator: " ")) → exit \(result.shellStatus): \(result.standardOutput)")
    }

    @Test("a valid command line is accepted without running it")
    func acceptsWithoutRunning() async throws {
        try await withScratchFolder("docs-examples") { scratch in
            let output = scratch.appendingPathComponent("fixed").path
            let result = try await checkArguments(["fix", "fixtures/bad-first-sideways.jpg", "--output-dir", output])
            #expect(result.shellStatus == 0, "\(result.standardError)")
            #expect(result.standardOutput == "valid: seedance fix\n")
            #expect(!FileManager.default.fileExists(atPath: output), "checking ran fix")
        }
    }

    @Test(
        "command lines are cut from sh blocks like a shell would",
        arguments: [
            ("seedance check a.jpg --last b.png   # exit 0 ok", [["check", "a.jpg", "--last", "b.png"]]),
            (
                "NOVITA_API_KEY=sk_… seedance submit a.jpg --prompt \"The camera pulls back\"",
                [["submit", "a.jpg", "--prompt", "The camera pulls back"]]
            ),
            ("cd / && /tmp/x/bin/seedance --version; ls", [["--version"]]),
            ("seedance models --json > model.json 2>/dev/null", [["models", "--json"]]),
            ("seedance tasks --state 'outcome_unknown' | head", [["tasks", "--state", "outcome_unknown"]]),
            ("make demo   # seedance check in a comment", []),
            ("seedance-stub --port 0", []),
        ])
    func splitsLikeAShell(_ line: String, _ expected: [[String]]) {
        #expect(DocsExample.commands(in: line) == expected)
    }

    @Test("continued lines are joined and only sh blocks count")
    func readsFencedBlocks() {
        let markdown = """
            Text with seedance check prose.md
            ```sh
            seedance fix a.jpg \\
                --output-dir out
            ```
            ```json
            {"seedance": "check"}
            ```
            """
        let found = DocsExample.examples(inMarkdown: markdown, file: "x.md")
        #expect(found.map(\.arguments) == [["fix", "a.jpg", "--output-dir", "out"]])
        #expect(found.map(\.line) == [3])
    }

    private func checkArguments(_ arguments: [String]) async throws -> ChildProcess.Outcome {
        guard let seedance = TestPaths.executable("seedance") else {
            throw ChildProcess.SpawnError(description: "no seedance beside the test bundle; build it first (swift build --build-tests)")
        }
        // From the repository root, so the examples' fixture paths are the real files.
        var environment = ProcessInfo.processInfo.environment
        environment["SEEDANCE_CHECK_ARGUMENTS"] = "1"
        return try await ChildProcess.run(
            "/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", TestPaths.repositoryRoot.path, seedance] + arguments,
            environment: environment, timeout: 60)
    }
}

/// One `seedance` command line found in a fenced `sh` block of a Markdown page.
struct DocsExample: Equatable {
    var file: String
    var line: Int
    var arguments: [String]

    /// Every example in README.md and docs/*.md under `root`.
    static func all(in root: URL) throws -> [DocsExample] {
        let docs = root.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        return try (["README.md"] + pages).flatMap { page in
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            return examples(inMarkdown: text, file: page)
        }
    }

    /// The examples in one page: lines of ```sh blocks, with backslash continuations joined.
    static func examples(inMarkdown text: String, file: String) -> [DocsExample] {
        var found: [DocsExample] = []
        var inShell = false
        var pending = ""
        var pendingLine = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inShell = !inShell && trimmed == "```sh"
                pending = ""
                continue
            }
            guard inShell else { continue }
            if pending.isEmpty { pendingLine = index + 1 }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
                continue
            }
            for arguments in commands(in: pending + trimmed) {
                found.append(DocsExample(file: file, line: pendingLine, arguments: arguments))
            }
            pending = ""
        }
        return found
    }

    /// The arguments of each `seedance` command in one shell line: words split and unquoted as
    /// the shell would (no expansion), a comment dropped, commands cut at `&&`, `||`, `;` and `|`,
    /// redirections and leading `NAME=value` assignments removed.
    static func commands(in line: String) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var skipNextWord = false
        func endWord() {
            if inWord {
                if skipNextWord { skipNextWord = false } else { words.append(word) }
            }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            let command = Array(words.drop { $0.range(of: #"^[A-Za-z_][A-Za-z0-9_]*="#, options: .regularExpression) != nil })
            if let program = command.first, program == "seedance" || program.hasSuffix("/seedance") {
                commands.append(Array(command.dropFirst()))
            }
            words = []
        }
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case " ", "\t":
                endWord()
            case "#" where !inWord:
                characters = []
            case ";", "|", "&":
                if characters.first == character { characters.removeFirst() }
                endCommand()
            case ">", "<":
                // A redirection: `2>` loses its descriptor digits, and its target is not an argument.
                if inWord, word.allSatisfy(\.isNumber) {
                    word = ""
                    inWord = false
                }
                endWord()
                if characters.first == ">" { characters.removeFirst() }
                skipNextWord = true
            default:
                word.append(character)
                inWord = true
            }
        }
        endCommand()
        return commands
    }
}
