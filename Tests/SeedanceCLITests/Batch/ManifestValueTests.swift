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
