import Foundation
import Testing

/// The libraries are embedded by servers and apps that have no command line: no string in them
/// names a flag. They return typed reasons (a finding's `Remedy`, an error's kind) and the
/// command line phrases the advice (Sources/seedance/CommandLineAdvice.swift).
@Suite struct LibraryWordsTests {
    static let libraries = ["FrameKit", "SeedanceCore", "SeedanceProviders", "SeedanceStore", "SeedanceAPI", "SeedanceKit"]

    /// String literals on non-comment lines that hold a `--flag` or a `` `seedance …` `` command.
    static func flagsInStrings(of file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let literal = try NSRegularExpression(pattern: #""(?:[^"\\]|\\.)*""#)
        let flag = try NSRegularExpression(pattern: #"(^|[^-\w])--[a-z]|`seedance "#)
        var found: [String] = []
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
            let range = NSRange(line.startIndex..., in: line)
            for match in literal.matches(in: line, range: range) {
                let string = (line as NSString).substring(with: match.range)
                if flag.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil {
                    found.append("\(file.lastPathComponent):\(number + 1): \(string)")
                }
            }
        }
        return found
    }

    @Test(arguments: LibraryWordsTests.libraries)
    func noLibraryStringNamesAFlag(library: String) throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Sources/\(library)")
        let files = try #require(
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" })
        #expect(files.count >= 3, "the sources of \(library) were found")
        let found = try files.flatMap(Self.flagsInStrings)
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }

    /// The check itself can fail: a flag in a string is found, one in a comment is not.
    @Test func theScanFindsAFlagInAString() throws {
        try withScratchFolder("words") { folder in
            let file = folder.appendingPathComponent("words.swift")
            try #"""
            // pass --comment
            let advice = "raise --max-pixels"
            let range = "a--b"
            let command = "check `seedance tasks`"
            """#.write(to: file, atomically: true, encoding: .utf8)
            #expect(try Self.flagsInStrings(of: file).count == 2)
        }
    }
}
