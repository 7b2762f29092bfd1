/// A request field holds a value the provider would refuse.
public struct RequestValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON name of the field, e.g. `duration` or `last_image`.
    public var field: String
    /// The offending value, shortened for image strings so no payload lands in a message.
    public var value: String
    /// What the provider accepts, in words.
    public var allowed: String

    public init(field: String, value: String, allowed: String) {
        self.field = field
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        "invalid \(field): \(value) (allowed: \(allowed))"
    }
}

/// Something the provider accepts but the user should hear about.
public struct RequestWarning: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
