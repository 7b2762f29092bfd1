/// One field a model's create call takes: its JSON name, type, what it allows, and what the
/// provider does when it is left out.
public struct FieldRule: Sendable, Hashable, Codable {
    public enum ValueType: String, Sendable, Hashable, Codable {
        case string, integer, boolean
        /// A frame: an http(s) URL or a base64 data URI, filled from the request's frames.
        case image
    }

    /// Which frame an `image` field carries.
    public enum FrameRole: String, Sendable, Hashable, Codable {
        case first, last
    }

    /// The JSON key, e.g. `duration`.
    public var name: String
    public var type: ValueType
    /// Inclusive bounds for integers, as `[min, max]`.
    public var range: [Int64]?
    /// The only values accepted, when the field is an enumeration.
    public var values: [ParameterValue]?
    public var required: Bool?
    /// What the provider uses when the field is omitted; nil when nobody documents it.
    public var `default`: ParameterValue?
    /// Longer strings are accepted with a warning.
    public var recommendedMaxLength: Int?
    /// For `image` fields: which frame goes here.
    public var role: FrameRole?
    /// One line for people (`seedance models`).
    public var summary: String?

    public init(
        name: String, type: ValueType, range: ClosedRange<Int64>? = nil, values: [ParameterValue]? = nil,
        required: Bool = false, default defaultValue: ParameterValue? = nil, recommendedMaxLength: Int? = nil,
        role: FrameRole? = nil, summary: String? = nil
    ) {
        self.name = name
        self.type = type
        self.range = range.map { [$0.lowerBound, $0.upperBound] }
        self.values = values
        self.required = required ? true : nil
        self.default = defaultValue
        self.recommendedMaxLength = recommendedMaxLength
        self.role = role
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case name, type, range, values, required, `default`, role, summary
        case recommendedMaxLength = "recommended_max_length"
    }

    public var isRequired: Bool { required ?? false }

    /// The bounds as a range, when they are well formed.
    public var bounds: ClosedRange<Int64>? {
        guard let range, range.count == 2, range[0] <= range[1] else { return nil }
        return range[0]...range[1]
    }

    /// What the field accepts, in words, e.g. `4…12` or `480p, 720p, 1080p`.
    public var allowedDescription: String {
        if let values { return values.map(\.description).joined(separator: ", ") }
        if let bounds { return "\(bounds.lowerBound)…\(bounds.upperBound)" }
        switch type {
        case .string: return "any text"
        case .integer: return "an integer"
        case .boolean: return "true or false"
        case .image: return "an http(s) URL or a base64 data URI"
        }
    }
}
