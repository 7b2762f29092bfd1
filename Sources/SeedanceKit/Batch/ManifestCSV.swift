/// Reads RFC 4180 CSV with a header row: fields may be quoted, a quote inside quotes is doubled,
/// quoted fields may hold commas and line breaks, and lines may end in CRLF. Rows that are
/// entirely empty are skipped. Every cell is ``ManifestValue/text(_:)``; an empty cell means
/// the key is not set on that row.
enum ManifestCSV {
    static func parse(_ bytes: [UInt8], limits: ManifestLimits) throws(ManifestError) -> ParsedRecords {
        var scanner = CSVScanner(bytes: bytes, maxRecordBytes: limits.maxLineBytes)
        var parsed = ParsedRecords()
        guard let headerRow = try scanner.nextRow() else { return parsed }
        let header = headerRow.cells.map(\.trimmed)
        try checkHeader(header, line: headerRow.line)
        while let row = try scanner.nextRow() {
            if row.cells.count == 1, row.cells[0].isEmpty { continue }
            guard parsed.records.count + parsed.errors.count < limits.maxLines else {
                throw ManifestError(.tooLarge, line: row.line, "the manifest has more than \(limits.maxLines) rows; split it into several batches")
            }
            guard row.cells.count == header.count else {
                parsed.errors.append(
                    ManifestError(
                        .wrongColumnCount, line: row.line, value: String(row.cells.count),
                        "the row has \(row.cells.count) cells but the header has \(header.count) columns; quote cells that hold commas"))
                continue
            }
            let fields = zip(header, row.cells).filter { !$0.1.isEmpty }.map { (key: $0.0, value: ManifestValue.text($0.1)) }
            parsed.records.append(ManifestRecord(line: row.line, fields: fields))
        }
        return parsed
    }

    private static func checkHeader(_ header: [String], line: Int) throws(ManifestError) {
        if let index = header.firstIndex(of: "") {
            throw ManifestError(.invalidHeader, line: line, "column \(index + 1) of the header has no name; the first row must name every column")
        }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw ManifestError(.invalidHeader, line: line, key: name, "the header names this column twice")
        }
    }
}

/// A byte-level RFC 4180 scanner. Separators are ASCII, so UTF-8 text passes through intact.
struct CSVScanner {
    struct Row {
        /// The 1-based line where the row starts.
        var line: Int
        var cells: [String]
    }

    private let bytes: [UInt8]
    private let maxRecordBytes: Int
    private var index = 0
    private var line = 1

    init(bytes: [UInt8], maxRecordBytes: Int) {
        self.bytes = bytes
        self.maxRecordBytes = maxRecordBytes
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// The next row, or nil at the end of the input.
    mutating func nextRow() throws(ManifestError) -> Row? {
        guard index < bytes.count else { return nil }
        let startLine = line
        let startIndex = index
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var afterClosingQuote = false
        while index < bytes.count {
            guard index - startIndex <= maxRecordBytes else {
                throw ManifestError(
                    .tooLarge, line: startLine, "the row has more than \(maxRecordBytes) bytes; put large frames in files and name them by path")
            }
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == Self.quote {
                    if index < bytes.count, bytes[index] == Self.quote {
                        cell.append(Self.quote)
                        index += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == Self.lf { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case Self.comma:
                cells.append(String(decoding: cell, as: UTF8.self))
                cell = []
                afterClosingQuote = false
            case Self.lf:
                line += 1
                cells.append(String(decoding: cell, as: UTF8.self))
                return Row(line: startLine, cells: cells)
            case Self.cr where index < bytes.count && bytes[index] == Self.lf:
                continue
            case Self.quote where cell.isEmpty && !afterClosingQuote:
                quoted = true
            default:
                let what = afterClosingQuote ? "text after a closing quote" : "a quote inside an unquoted cell"
                guard !afterClosingQuote, byte != Self.quote else {
                    throw ManifestError(.malformedCSV, line: line, "\(what); quote the whole cell and double the quotes inside it (\"\"\"\")")
                }
                cell.append(byte)
            }
        }
        if quoted {
            throw ManifestError(.malformedCSV, line: startLine, "a quoted cell is never closed; close it with a quote")
        }
        cells.append(String(decoding: cell, as: UTF8.self))
        return Row(line: startLine, cells: cells)
    }
}
