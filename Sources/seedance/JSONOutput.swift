import Foundation

/// Prints exactly one JSON document on stdout, for `--json`.
enum JSONOutput {
    /// `snakeCase` turns Swift property names into the documented `snake_case` keys.
    static func print(snakeCase: Bool = false, _ value: some Encodable) throws {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(data)
    }
}
