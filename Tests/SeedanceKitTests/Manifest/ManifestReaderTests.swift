import Foundation
import SeedanceKit
import Testing

/// Reading batch manifests: both formats, every error naming its line and key, paths resolved
/// against the manifest's folder, and the safety limits.
@Suite("Manifest reader")
struct ManifestReaderTests {
    static let folder = URL(fileURLWithPath: "/shots/batch")
    static let reader = ManifestReader(requestFields: ["duration", "resolution", "ratio", "seed", "generate_audio"])

    func read(_ text: String, _ format: ManifestFormat? = nil, limits: ManifestLimits = .standard) throws -> Manifest {
        var reader = Self.reader
        reader.limits = limits
        return try reader.parse(Data(text.utf8), format: format, folder: Self.folder)
    }

    @Test func jsonLinesKeepTypesSkipBlanksAndCommentsAndResolvePaths() throws {
        let manifest = try read(
            """
            # shots for the trailer
            {"first": "a.png", "prompt": "a cat", "duration": 5, "seed": -1, "generate_audio": false}

              {"id": "dog", "first": "/abs/dog.png", "last": "../end.png", "output": "out/dog.mp4", "resolution": "720p", "ratio": null}
            {"first": "https://example.com/x.png", "last": "data:image/png;base64,AAAA"}
            """, .jsonLines)
        #expect(manifest.errors == [])
        #expect(manifest.lines.map(\.lineNumber) == [2, 4, 5])
        #expect(manifest.lines.map(\.id) == ["2", "dog", "5"])
        let first = manifest.lines[0]
        #expect(first.first == "/shots/batch/a.png")
        #expect(first.fields == ["prompt": .string("a cat"), "duration": .integer(5), "seed": .integer(-1), "generate_audio": .bool(false)])
        let dog = manifest.lines[1]
        #expect(dog.first == "/abs/dog.png")
        #expect(dog.last == "/shots/end.png")
        #expect(dog.output == "/shots/batch/out/dog.mp4")
        #expect(dog.fields == ["resolution": .string("720p")])
        #expect(manifest.lines[2].first == "https://example.com/x.png")
        #expect(manifest.lines[2].last == "data:image/png;base64,AAAA")
    }

    @Test func csvHandlesQuotesNewlinesCRLFAndBOM() throws {
        let text =
            "\u{FEFF}id,first,prompt,duration,generate_audio\r\n"
            + "one,a.png,\"a cat, then \"\"hello\"\"\",5,true\r\n"
            + "\r\n"
            + "two,b.png,\"line one\nline two\",,0\r\n"
            + "three,c.png,,12,\r\n"
        let manifest = try read(text)
        #expect(manifest.errors == [])
        #expect(manifest.lines.map(\.id) == ["one", "two", "three"])
        #expect(manifest.lines.map(\.lineNumber) == [2, 4, 6])
        #expect(manifest.lines[0].fields == ["prompt": .text("a cat, then \"hello\""), "duration": .text("5"), "generate_audio": .text("true")])
        #expect(manifest.lines[1].fields == ["prompt": .text("line one\nline two"), "generate_audio": .text("0")])
        #expect(manifest.lines[2].fields == ["duration": .text("12")])
        #expect(manifest.lines[2].first == "/shots/batch/c.png")
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var format: ManifestFormat
        var kind: ManifestError.Kind
        var line: Int?
        var key: String?
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "malformed JSON", text: "{\"first\": \"a.png\"}\n{\"first\": ", format: .jsonLines, kind: .malformedJSON, line: 2),
        BadCase(name: "not an object", text: "[1, 2]", format: .jsonLines, kind: .notAnObject, line: 1),
        BadCase(name: "a string line", text: "\"a.png\"", format: .jsonLines, kind: .notAnObject, line: 1),
        BadCase(name: "array value", text: "{\"first\": \"a.png\", \"seed\": [1]}", format: .jsonLines, kind: .nonScalarValue, line: 1, key: "seed"),
        BadCase(name: "object value", text: "{\"first\": {\"path\": \"a.png\"}}", format: .jsonLines, kind: .nonScalarValue, line: 1, key: "first"),
        BadCase(name: "missing first", text: "{\"prompt\": \"x\"}", format: .jsonLines, kind: .missingFirst, line: 1, key: "first"),
        BadCase(name: "null first", text: "{\"first\": null}", format: .jsonLines, kind: .missingFirst, line: 1, key: "first"),
        BadCase(name: "empty first", text: "{\"first\": \"\"}", format: .jsonLines, kind: .wrongType, line: 1, key: "first"),
        BadCase(name: "numeric first", text: "{\"first\": 3}", format: .jsonLines, kind: .wrongType, line: 1, key: "first"),
        BadCase(
            name: "unknown key", text: "{\"first\": \"a.png\", \"durration\": 5}", format: .jsonLines, kind: .unknownKey, line: 1, key: "durration"),
        BadCase(name: "stdin frame", text: "{\"first\": \"-\"}", format: .jsonLines, kind: .standardInputNotAllowed, line: 1, key: "first"),
        BadCase(
            name: "stdout output", text: "{\"first\": \"a.png\", \"output\": \"-\"}", format: .jsonLines, kind: .standardInputNotAllowed, line: 1,
            key: "output"),
        BadCase(
            name: "URL output", text: "{\"first\": \"a.png\", \"output\": \"https://x/y.mp4\"}", format: .jsonLines, kind: .outputNotAPath, line: 1,
            key: "output"),
        BadCase(name: "id with a slash", text: "{\"id\": \"../x\", \"first\": \"a.png\"}", format: .jsonLines, kind: .invalidID, line: 1, key: "id"),
        BadCase(name: "id dot-dot", text: "{\"id\": \"..\", \"first\": \"a.png\"}", format: .jsonLines, kind: .invalidID, line: 1, key: "id"),
        BadCase(name: "boolean id", text: "{\"id\": true, \"first\": \"a.png\"}", format: .jsonLines, kind: .wrongType, line: 1, key: "id"),
        BadCase(
            name: "duplicate id",
            text: "{\"id\": \"x\", \"first\": \"a.png\"}\n{\"id\": \"y\", \"first\": \"a.png\"}\n{\"id\": \"x\", \"first\": \"b.png\"}",
            format: .jsonLines, kind: .duplicateID, line: 3, key: "id"),
        BadCase(
            name: "explicit id equal to a line number", text: "{\"first\": \"a.png\"}\n{\"id\": 1, \"first\": \"b.png\"}", format: .jsonLines,
            kind: .duplicateID, line: 2, key: "id"),
        BadCase(name: "CSV row too short", text: "first,prompt\na.png,x\nb.png\n", format: .csv, kind: .wrongColumnCount, line: 3),
        BadCase(name: "CSV row too long", text: "first,prompt\na.png,x,y\n", format: .csv, kind: .wrongColumnCount, line: 2),
        BadCase(name: "CSV unknown column", text: "first,colour\na.png,red\n", format: .csv, kind: .unknownKey, line: 2, key: "colour"),
        BadCase(name: "CSV without first", text: "prompt\nx\n", format: .csv, kind: .missingFirst, line: 2, key: "first"),
        BadCase(name: "CSV empty first", text: "id,first\nx,\n", format: .csv, kind: .missingFirst, line: 2, key: "first"),
    ]

    @Test("line errors name the line and key", arguments: badCases)
    func lineErrors(_ example: BadCase) throws {
        let manifest = try read(example.text, example.format)
        let error = try #require(manifest.errors.first { $0.kind == example.kind }, "errors: \(manifest.errors)")
        #expect(error.line == example.line)
        #expect(error.key == example.key)
        #expect(!manifest.lines.contains { $0.lineNumber == example.line })
        #expect(error.description.hasPrefix("line \(example.line ?? 0)"))
    }

    @Test func duplicateIDNamesBothLinesAndKeepsTheFirst() throws {
        let manifest = try read("{\"id\": \"x\", \"first\": \"a.png\"}\n{\"id\": \"x\", \"first\": \"b.png\"}", .jsonLines)
        #expect(manifest.lines.map(\.lineNumber) == [1])
        #expect(manifest.errors.count == 1)
        #expect(manifest.errors[0].description.contains("line 2"))
        #expect(manifest.errors[0].message.contains("line 1"))
        #expect(manifest.errors.map(\.line) == [2])
    }

    @Test func everyErrorIsReportedNotJustTheFirst() throws {
        let manifest = try read("{\"first\": \"a.png\", \"x\": 1, \"y\": 2}\n{}\n{\"first\": \"-\"}\n{\"first\": \"ok.png\"}", .jsonLines)
        #expect(manifest.errors.map(\.kind) == [.unknownKey, .unknownKey, .missingFirst, .standardInputNotAllowed])
        #expect(manifest.errors.map(\.line) == [1, 1, 2, 3])
        #expect(manifest.lines.map(\.lineNumber) == [4])
    }

    @Test func errorValuesNeverEchoAWholeDataURI() throws {
        let uri = "data:image/png;base64," + String(repeating: "A", count: 5000)
        let manifest = try read("{\"first\": \"a.png\", \"output\": \"\(uri)\"}", .jsonLines)
        let error = try #require(manifest.errors.first)
        #expect(error.kind == .outputNotAPath)
        #expect((error.value?.count ?? .max) <= 80)
    }

    struct FileCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var kind: ManifestError.Kind
        var testDescription: String { name }
    }

    static let fileCases: [FileCase] = [
        FileCase(name: "unclosed quote", text: "first,prompt\na.png,\"never closed\n", kind: .malformedCSV),
        FileCase(name: "text after closing quote", text: "first,prompt\na.png,\"x\"y\n", kind: .malformedCSV),
        FileCase(name: "quote inside unquoted cell", text: "first,prompt\na.png,say \"hi\"\n", kind: .malformedCSV),
        FileCase(name: "duplicate header", text: "first,first\na.png,b.png\n", kind: .invalidHeader),
        FileCase(name: "empty header name", text: "first,,prompt\na.png,,x\n", kind: .invalidHeader),
    ]

    @Test("broken CSV structure is a file error", arguments: fileCases)
    func fileErrors(_ example: FileCase) {
        #expect {
            try read(example.text, .csv)
        } throws: { error in
            (error as? ManifestError)?.kind == example.kind && (error as? ManifestError)?.line != nil
        }
    }

    @Test func emptyManifestIsAnError() throws {
        for text in ["", "# only a comment\n\n", "first,prompt\n"] {
            let manifest = try read(text)
            #expect(manifest.lines.isEmpty)
            #expect(manifest.errors.map(\.kind) == [.empty], "\(text)")
        }
    }

    @Test func limitsAreClearErrorsNotUnboundedMemory() throws {
        let limits = ManifestLimits(maxFileBytes: 10_000, maxLineBytes: 100, maxLines: 3)
        let long = "{\"first\": \"\(String(repeating: "a", count: 200)).png\"}"
        let manifest = try read(long + "\n{\"first\": \"b.png\"}", .jsonLines, limits: limits)
        #expect(manifest.errors.map(\.kind) == [.tooLarge])
        #expect(manifest.errors.first?.line == 1)
        #expect(manifest.lines.map(\.lineNumber) == [2])

        let many = Array(repeating: "{\"first\": \"a.png\"}", count: 4).enumerated().map { "{\"id\": \"\($0.offset)\", \"first\": \"a.png\"}" }
            .joined(separator: "\n")
        #expect(throws: ManifestError.self) { try read(many, .jsonLines, limits: limits) }
        let rows = "first\n" + Array(repeating: "a.png", count: 4).joined(separator: "\n")
        #expect(throws: ManifestError.self) { try read(rows, .csv, limits: limits) }
        let longRow = "first\n" + String(repeating: "a", count: 200) + "\n"
        #expect(throws: ManifestError.self) { try read(longRow, .csv, limits: limits) }
        #expect(throws: ManifestError.self) { try read(String(repeating: " ", count: 10_001), .csv, limits: limits) }
    }

    @Test func notUTF8IsUnreadable() {
        #expect(throws: ManifestError.self) {
            try Self.reader.parse(Data([0x66, 0x69, 0xFF, 0xFE, 0x0A]), format: .csv, folder: Self.folder)
        }
    }

    @Test(
        "format by extension, then by content",
        arguments: [
            ("shots.jsonl", "{\"first\": \"a.png\"}", "1"),
            ("shots.NDJSON", "{\"first\": \"a.png\"}", "1"),
            ("shots.csv", "first\na.png", "2"),
            ("shots.txt", "# comment\n{\"first\": \"a.png\"}", "2"),
            ("shots", "first\na.png", "2"),
        ])
    func formatChoice(_ example: (name: String, text: String, id: String)) throws {
        try withScratchFolder("manifest") { directory in
            let url = directory.appendingPathComponent(example.name)
            try Data(example.text.utf8).write(to: url)
            let manifest = try Self.reader.read(contentsOf: url)
            #expect(manifest.errors == [])
            let line = try #require(manifest.lines.first)
            #expect(line.first == directory.appendingPathComponent("a.png").standardizedFileURL.path)
            // The default id is the line number: after a CSV header or a comment it is 2.
            #expect(line.id == example.id)
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            try Self.reader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/shots.jsonl"))
        } throws: { ($0 as? ManifestError)?.kind == .unreadable }
    }
}
