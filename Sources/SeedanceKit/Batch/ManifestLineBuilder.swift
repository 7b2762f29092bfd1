internal import Foundation

/// Checks one record's keys and values and builds its ``ManifestLine``, collecting errors.
struct ManifestLineBuilder {
    let record: ManifestRecord
    let folder: URL
    let requestFields: Set<String>
    var errors: [ManifestError] = []
    /// The line's id once known (given or defaulted), even when other keys have errors.
    private(set) var id: String?

    init(record: ManifestRecord, folder: URL, requestFields: Set<String>) {
        self.record = record
        self.folder = folder
        self.requestFields = requestFields
    }

    /// The line, or nil when it cannot be built; ``errors`` says why.
    mutating func build() -> ManifestLine? {
        var values: [String: ManifestValue] = [:]
        for (key, value) in record.fields {
            guard ManifestLine.manifestKeys.contains(key) || requestFields.contains(key) else {
                fail(
                    .unknownKey, key: key, value: value,
                    "not a manifest key or a request field of any model; check the spelling (request fields use their API names, e.g. generate_audio)"
                )
                continue
            }
            // null means "not set", like an empty CSV cell.
            if value != .null { values[key] = value }
        }
        id = readID(values["id"])
        var first: String?
        if let value = values["first"] {
            first = frame(value, key: "first")
        } else {
            fail(.missingFirst, key: "first", value: nil, "every line needs \"first\": a path, an http(s) URL or a data: URI")
        }
        var last: String?
        if let value = values["last"] { last = frame(value, key: "last") }
        var output: String?
        if let value = values["output"] { output = outputPath(value) }
        let fields = values.filter { !["id", "first", "last", "output"].contains($0.key) }
        guard let id, let first else { return nil }
        return ManifestLine(lineNumber: record.line, id: id, first: first, last: last, output: output, fields: fields)
    }

    /// The longest id accepted: it becomes a file name.
    static let maxIDLength = 128

    private mutating func readID(_ value: ManifestValue?) -> String? {
        guard let value else { return String(record.line) }
        let text: String
        switch value {
        case .string(let string), .text(let string): text = string
        case .integer(let integer): text = String(integer)
        default:
            fail(.wrongType, key: "id", value: value, "an id must be a string or an integer")
            return nil
        }
        let unusable =
            text.isEmpty || text == "." || text == ".." || text.count > Self.maxIDLength
            || text.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }
        if unusable {
            fail(
                .invalidID, key: "id", value: value,
                "an id names the output file <id>.mp4: 1 to \(Self.maxIDLength) characters, no slashes or control characters, not . or ..")
            return nil
        }
        return text
    }

    private mutating func frame(_ value: ManifestValue, key: String) -> String? {
        guard let text = text(value, key: key) else { return nil }
        if ManifestPath.isRemote(text) { return text }
        return local(text, key: key, value: value)
    }

    private mutating func outputPath(_ value: ManifestValue) -> String? {
        guard let text = text(value, key: "output") else { return nil }
        if ManifestPath.isRemote(text) {
            fail(.outputNotAPath, key: "output", value: value, "output must be a local file path, not a URL")
            return nil
        }
        return local(text, key: "output", value: value)
    }

    private mutating func local(_ text: String, key: String, value: ManifestValue) -> String? {
        guard text != "-" else {
            fail(.standardInputNotAllowed, key: key, value: value, "\"-\" (standard input or output) cannot be used in a manifest; name a file")
            return nil
        }
        return ManifestPath.resolve(text, against: folder)
    }

    private mutating func text(_ value: ManifestValue, key: String) -> String? {
        guard let text = value.stringValue, !text.isEmpty else {
            fail(.wrongType, key: key, value: value, "must be a non-empty string (a path, an http(s) URL or a data: URI)")
            return nil
        }
        return text
    }

    private mutating func fail(_ kind: ManifestError.Kind, key: String, value: ManifestValue?, _ message: String) {
        errors.append(ManifestError(kind, line: record.line, key: key, value: value.map(ManifestPath.shortened), message))
    }
}

/// Where a frame or output named in a manifest is.
enum ManifestPath {
    /// http(s) URLs and `data:` URIs are passed on as they are.
    static func isRemote(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("data:")
    }

    /// An absolute path: relative ones are taken from the manifest's folder.
    static func resolve(_ path: String, against folder: URL) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }

    /// A value for an error message: data URIs and other long values are cut, never echoed whole.
    static func shortened(_ value: ManifestValue) -> String {
        let text = value.description
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}
