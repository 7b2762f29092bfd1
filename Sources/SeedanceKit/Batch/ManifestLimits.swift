/// Safety limits for reading a manifest, so a hostile or mistaken file cannot take unbounded
/// memory. Each is a clear error when passed.
public struct ManifestLimits: Sendable, Hashable {
    /// The whole file, in bytes.
    public var maxFileBytes: Int
    /// One JSON line or one CSV record, in bytes.
    public var maxLineBytes: Int
    /// Records (non-blank, non-comment lines, or CSV rows after the header).
    public var maxLines: Int

    public init(maxFileBytes: Int = 256 << 20, maxLineBytes: Int = 1 << 20, maxLines: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxLineBytes = maxLineBytes
        self.maxLines = maxLines
    }

    /// 256 MiB, 1 MiB a line, 100,000 lines.
    public static let standard = ManifestLimits()
}

/// One record as the file gave it, before its keys are checked.
struct ManifestRecord: Sendable, Hashable {
    var line: Int
    /// Keys in a stable order (CSV: the header's; JSON: sorted), so errors come out the same each run.
    var fields: [(key: String, value: ManifestValue)]

    static func == (lhs: ManifestRecord, rhs: ManifestRecord) -> Bool {
        lhs.line == rhs.line && lhs.fields.elementsEqual(rhs.fields) { $0.key == $1.key && $0.value == $1.value }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.value)
        }
    }
}

/// What a format parser hands on: records, and errors for lines that did not parse.
struct ParsedRecords: Sendable {
    var records: [ManifestRecord] = []
    var errors: [ManifestError] = []
}
