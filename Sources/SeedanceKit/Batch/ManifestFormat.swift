/// How a manifest is written.
public enum ManifestFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object a line; blank lines and lines starting with `#` are skipped.
    case jsonLines = "jsonl"
    /// RFC 4180 CSV with a header row naming the keys.
    case csv

    /// The format the file name says (`.jsonl`, `.ndjson`, `.csv`, any case), or nil.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jsonl", "ndjson": self = .jsonLines
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Guesses from the content when the name says nothing: JSON Lines when the first line that
    /// is neither blank nor a `#` comment starts with `{`, CSV otherwise.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ManifestFormat {
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let first = line.first(where: { !Self.isSpace($0) }) else { continue }
            if first == UInt8(ascii: "#") { continue }
            return first == UInt8(ascii: "{") ? .jsonLines : .csv
        }
        return .csv
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
