/// The shape an image field must have: an http(s) URL or a base64 `data:image/...` URI.
enum ImageStringRule {
    static let allowedDescription = "an http(s) URL or data:image/<jpeg|png|webp|bmp|tiff|gif>;base64,<data>"

    static func check(_ value: String, field: String) throws(RequestValidationError) {
        if value.hasPrefix("https://") || value.hasPrefix("http://") {
            let rest = value.drop(while: { $0 != "/" }).dropFirst(2)
            if rest.isEmpty || rest.first == "/" || value.utf8.contains(where: { $0 <= 0x20 }) {
                throw RequestValidationError(field: field, value: preview(value), allowed: allowedDescription)
            }
            return
        }
        guard let format = dataURIFormat(value),
              RequestLimits.dataURIFormats.contains(format)
        else {
            throw RequestValidationError(field: field, value: preview(value), allowed: allowedDescription)
        }
        let payloadStart = value.utf8.firstIndex(of: UInt8(ascii: ","))!
        let payload = value.utf8[value.utf8.index(after: payloadStart)...]
        guard !payload.isEmpty, Base64Charset.isValid(payload) else {
            throw RequestValidationError(
                field: field, value: preview(value), allowed: "a data URI whose payload is non-empty base64 (A-Z a-z 0-9 + / =)")
        }
    }

    /// The `<format>` of `data:image/<format>;base64,`, or nil when the prefix has another shape.
    static func dataURIFormat(_ value: String) -> String? {
        // Only the first few bytes matter; never walk a 20 MB payload here.
        let head = String(decoding: value.utf8.prefix(64), as: UTF8.self)
        let prefix = "data:image/"
        guard head.hasPrefix(prefix), let marker = head.range(of: ";base64,") else { return nil }
        return String(head[head.index(head.startIndex, offsetBy: prefix.count)..<marker.lowerBound])
    }

    /// A short, payload-free rendering for messages.
    static func preview(_ value: String) -> String {
        let limit = 48
        guard value.utf8.count > limit else { return "\"\(value)\"" }
        return "\"\(value.prefix(limit))…\" (\(value.utf8.count) bytes)"
    }
}
