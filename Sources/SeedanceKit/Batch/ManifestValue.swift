public import SeedanceAPI

/// One value of a manifest line, as the file gave it.
///
/// JSON Lines values keep their JSON type. CSV cells are all ``text(_:)``: untyped until the next
/// stage reads them against a model's field list with ``coerced(to:)``, which is why text is
/// kept apart from a JSON ``string(_:)`` (a JSON `"5"` is a string; a CSV `5` may be a number).
public enum ManifestValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    /// An untyped CSV cell.
    case text(String)

    /// The type a field is declared with, to type a value against.
    public enum FieldType: String, Sendable, Hashable, CaseIterable {
        case string
        case integer
        case number
        case bool
    }

    /// A typed request value (e.g. a command-line default) as a manifest value.
    public init(_ value: ParameterValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .integer(Int(number))
        case .bool(let flag): self = .bool(flag)
        }
    }

    /// The value as the declared type, or nil when it cannot be read as one.
    ///
    /// CSV text converts when it spells the type (`5`, `2.5`, `true`/`false`, also `1`/`0` and
    /// any letter case for booleans). JSON values convert only where nothing is lost: an integer
    /// is also a number, and a number with no fraction is also an integer.
    public func coerced(to type: FieldType) -> ManifestValue? {
        switch (type, self) {
        case (.string, .string), (.integer, .integer), (.number, .number), (.bool, .bool):
            return self
        case (.string, .text(let text)):
            return .string(text)
        case (.number, .integer(let value)):
            return .number(Double(value))
        case (.integer, .number(let value)):
            return Self.exactInteger(value).map(ManifestValue.integer)
        case (.integer, .text(let text)):
            return Int(text.trimmed).map(ManifestValue.integer)
        case (.number, .text(let text)):
            return Double(text.trimmed).flatMap { $0.isFinite ? .number($0) : nil }
        case (.bool, .text(let text)):
            switch text.trimmed.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The text of a string or CSV cell; nil for other types.
    public var stringValue: String? {
        switch self {
        case .string(let text), .text(let text): text
        default: nil
        }
    }

    /// The value as a person would write it, for error messages.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .null: "null"
        }
    }

    private static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
