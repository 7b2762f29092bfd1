/// The shape a frame sent by reference must have: an absolute http(s) URL without spaces.
enum ImageURLRule {
    static let allowedDescription = "an http(s) URL with a host, without spaces"

    static func check(_ value: String, field: String) throws(RequestValidationError) {
        let lower = value.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            throw RequestValidationError(field: field, value: preview(value), allowed: allowedDescription)
        }
        let rest = value.drop(while: { $0 != "/" }).dropFirst(2)
        if rest.isEmpty || rest.first == "/" || value.utf8.contains(where: { $0 <= 0x20 }) {
            throw RequestValidationError(field: field, value: preview(value), allowed: allowedDescription)
        }
    }

    /// A short rendering for messages.
    static func preview(_ value: String) -> String {
        let limit = 48
        guard value.utf8.count > limit else { return "\"\(value)\"" }
        return "\"\(value.prefix(limit))…\" (\(value.utf8.count) bytes)"
    }
}
