import SeedanceKit
import Testing

/// Typing manifest values against a field's declared type: CSV text converts, JSON types only
/// where nothing is lost.
@Suite("Manifest values")
struct ManifestValueTests {
    static let cases: [(ManifestValue, ManifestValue.FieldType, ManifestValue?)] = [
        (.text("5"), .integer, .integer(5)),
        (.text(" -1 "), .integer, .integer(-1)),
        (.text("5.5"), .integer, nil),
        (.text("five"), .integer, nil),
        (.text("2.5"), .number, .number(2.5)),
        (.text("inf"), .number, nil),
        (.text("TRUE"), .bool, .bool(true)),
        (.text("0"), .bool, .bool(false)),
        (.text("yes"), .bool, nil),
        (.text("720p"), .string, .string("720p")),
        (.string("5"), .integer, nil),
        (.string("720p"), .string, .string("720p")),
        (.integer(5), .number, .number(5)),
        (.number(5), .integer, .integer(5)),
        (.number(5.5), .integer, nil),
        (.integer(1), .bool, nil),
        (.bool(true), .bool, .bool(true)),
        (.bool(true), .string, nil),
        (.null, .string, nil),
    ]

    @Test("coercion", arguments: cases)
    func coercion(_ example: (value: ManifestValue, type: ManifestValue.FieldType, expected: ManifestValue?)) {
        #expect(example.value.coerced(to: example.type) == example.expected)
    }
}

/// A line's fields over the command line's defaults, typed against a field list.
@Suite("Manifest line typing")
struct ManifestLineTypingTests {
    static let types: [String: ManifestValue.FieldType] = ["duration": .integer, "generate_audio": .bool, "resolution": .string, "prompt": .string]

    @Test func lineValuesOverrideDefaultsAndCSVTextIsTyped() {
        let line = ManifestLine(lineNumber: 4, id: "a", first: "/a.png", fields: ["duration": .text("8"), "generate_audio": .text("false")])
        let merged = line.fields(over: ["duration": .integer(5), "resolution": .string("720p")])
        #expect(merged == ["duration": .text("8"), "generate_audio": .text("false"), "resolution": .string("720p")])
        let (typed, errors) = line.typed(merged, as: Self.types)
        #expect(errors == [])
        #expect(typed == ["duration": .integer(8), "generate_audio": .bool(false), "resolution": .string("720p")])
    }

    @Test func valuesOfTheWrongTypeNameLineKeyAndValue() {
        let line = ManifestLine(
            lineNumber: 9, id: "b", first: "/b.png", fields: ["duration": .text("five"), "generate_audio": .integer(1), "seed": .text("3")])
        let (typed, errors) = line.typed(line.fields, as: Self.types)
        #expect(errors.map(\.key) == ["duration", "generate_audio"])
        #expect(errors.allSatisfy { $0.kind == .wrongType && $0.line == 9 })
        #expect(errors.first?.description == "line 9, key \"duration\": expected an integer, got five")
        #expect(typed == ["seed": .text("3")])
    }
}
