/// Writes one flat JSON object as text, in field order, leaving a hole wherever a frame's bytes
/// go; the holes are filled with base64 only while the body is sent (``RequestBody``).
///
/// Going through `Encodable` would need the frames as strings; here they never are.
struct JSONObjectWriter {
    private(set) var segments: [RequestBody.Segment] = []
    private var text: [UInt8] = [UInt8(ascii: "{")]
    private var isEmpty = true

    mutating func field(_ key: String, value: ParameterValue) {
        writeKey(key)
        switch value {
        case .string(let string): writeEscaped(string)
        case .integer(let number): text += Array(String(number).utf8)
        case .bool(let flag): text += Array((flag ? "true" : "false").utf8)
        }
    }

    mutating func field(_ key: String, string value: String) {
        writeKey(key)
        writeEscaped(value)
    }

    /// `"key":"data:image/<format>;base64,<hole>"`.
    mutating func field(_ key: String, inline bytes: RequestBody.InlineBytes) {
        writeKey(key)
        text += Array("\"data:image/\(bytes.format);base64,".utf8)
        segments.append(.text(text))
        segments.append(.base64(bytes))
        text = [UInt8(ascii: "\"")]
    }

    consuming func finish() -> [RequestBody.Segment] {
        text.append(UInt8(ascii: "}"))
        segments.append(.text(text))
        return segments
    }

    private mutating func writeKey(_ key: String) {
        if !isEmpty { text.append(UInt8(ascii: ",")) }
        isEmpty = false
        writeEscaped(key)
        text.append(UInt8(ascii: ":"))
    }

    private mutating func writeEscaped(_ value: String) {
        let hex = Array("0123456789abcdef".utf8)
        text.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): text += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): text += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): text += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): text += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: text += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: text.append(byte)
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
