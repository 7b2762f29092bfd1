/// One JSON scalar a request field can hold: how model files spell allowed values and defaults,
/// and how parameters carry what the user set.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            throw DecodingError.typeMismatch(
                ParameterValue.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a string, an integer or a boolean"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    /// The type a field rule names for this value.
    public var type: FieldRule.ValueType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .bool: .boolean
        }
    }

    public var description: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .bool(let value): String(value)
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }
}
