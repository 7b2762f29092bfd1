/// A problem with a manifest, naming where it is: the line, and the key and value when they matter.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file cannot be read.
        case unreadable = "unreadable"
        /// The file, a line or the number of lines passes a safety limit.
        case tooLarge = "too_large"
        /// A JSON line is not valid JSON.
        case malformedJSON = "malformed_json"
        /// A JSON line is valid JSON but not an object.
        case notAnObject = "not_an_object"
        /// A value is an array or an object; only scalars are allowed.
        case nonScalarValue = "non_scalar_value"
        /// `first` is missing or empty.
        case missingFirst = "missing_first"
        /// Two lines share an id.
        case duplicateID = "duplicate_id"
        /// An id that cannot name an output file (empty, a path, control characters, too long).
        case invalidID = "invalid_id"
        /// A CSV row has more or fewer cells than the header.
        case wrongColumnCount = "wrong_column_count"
        /// A CSV quote is not closed, or text follows a closing quote.
        case malformedCSV = "malformed_csv"
        /// The CSV header is empty, names a column twice, or has an empty name.
        case invalidHeader = "invalid_header"
        /// A key that is neither a manifest key nor a request field of the model.
        case unknownKey = "unknown_key"
        /// A value has the wrong type for its key.
        case wrongType = "wrong_type"
        /// `-` (standard input) cannot be used inside a manifest.
        case standardInputNotAllowed = "standard_input_not_allowed"
        /// `output` must be a local path, not a URL.
        case outputNotAPath = "output_not_a_path"
        /// The manifest holds no lines.
        case empty = "empty"
        /// A value of the right type that the model does not take (out of range, not a choice).
        case invalidValue = "invalid_value"
        /// A frame that cannot be sent: missing, unreadable, or breaking a rule `fix` cannot repair.
        case unusableFrame = "unusable_frame"
    }

    public var kind: Kind
    /// The 1-based line in the file; nil for the file as a whole.
    public var line: Int?
    public var key: String?
    public var value: String?
    /// What is wrong and what to do, for people.
    public var message: String

    public init(_ kind: Kind, line: Int? = nil, key: String? = nil, value: String? = nil, _ message: String) {
        self.kind = kind
        self.line = line
        self.key = key
        self.value = value
        self.message = message
    }

    /// "line 7: key "duration": …", with only the parts that are known.
    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let key { parts.append("key \"\(key)\"") }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}
