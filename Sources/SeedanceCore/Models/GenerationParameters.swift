/// Everything a create call says apart from its frames, by the model's field names.
///
/// Fields left unset are left out of the body, so the provider applies its own defaults.
/// Validate against a model with ``VideoModel/validate(_:frames:)`` once, before any frame is read.
public struct GenerationParameters: Sendable, Hashable {
    public private(set) var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) {
        self.values = values
    }

    public subscript(field: String) -> ParameterValue? {
        get { values[field] }
        set { values[field] = newValue }
    }

    /// Sets `field` when `value` is not nil.
    public mutating func set(_ field: String, _ value: ParameterValue?) {
        if let value { values[field] = value }
    }
}
