/// A rule across fields: when one field has a value (or is present), another must too, or a
/// warning is due. This is how "1080p only with fast=false" or "last_image needs image" is data.
public struct ModelRule: Sendable, Hashable, Codable {
    /// A field's state: present at all, or equal to a value.
    public struct Condition: Sendable, Hashable, Codable, CustomStringConvertible {
        public var field: String
        /// Set: the field must hold this value. Unset: the field must be present.
        public var equals: ParameterValue?

        public init(field: String, equals: ParameterValue? = nil) {
            self.field = field
            self.equals = equals
        }

        public var description: String {
            equals.map { "\(field)=\($0)" } ?? field
        }
    }

    public var when: Condition
    /// What must then hold; a broken requirement refuses the request.
    public var require: Condition?
    /// A warning to print when `when` holds.
    public var warn: String?

    public init(when: Condition, require: Condition? = nil, warn: String? = nil) {
        self.when = when
        self.require = require
        self.warn = warn
    }
}
