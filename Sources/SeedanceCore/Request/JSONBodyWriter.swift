/// Writes a ``RequestJSON`` document as compact JSON text, leaving a hole wherever an inline
/// frame's bytes go; the holes are filled with base64 only while the body is sent (``RequestBody``).
///
/// Going through `Encodable` would need the frames as strings; here they never are.
struct JSONBodyWriter {
    private var segments: [RequestBody.Segment] = []
    private var text: [UInt8] = []

    static func segments(of document: RequestJSON) -> [RequestBody.Segment] {
        var writer = JSONBodyWriter()
        writer.write(document)
        writer.segments.append(.text(writer.text))
        return writer.segments
    }

    private mutating func write(_ value: RequestJSON) {
        switch value {
        case .string(let string):
            writeQuoted(string)
        case .integer(let number):
            text += Array(String(number).utf8)
        case .bool(let flag):
            text += Array((flag ? "true" : "false").utf8)
        case .array(let items):
            text.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                write(item)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            text.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                writeQuoted(member.key)
                text.append(UInt8(ascii: ":"))
                write(member.value)
            }
            text.append(UInt8(ascii: "}"))
        case .frame(let frame):
            switch frame.content {
            case .url(let url):
                writeQuoted(url)
            case .inline(let bytes, let format):
                // `"data:image/<format>;base64,` <hole> `"`
                text.append(UInt8(ascii: "\""))
                writeEscaped("data:image/\(format);base64,")
                segments.append(.text(text))
                segments.append(.base64(RequestBody.InlineBytes(bytes: bytes, format: format, digest: frame.digest)))
                text = [UInt8(ascii: "\"")]
            }
        }
    }

    private mutating func writeQuoted(_ value: String) {
        text.append(UInt8(ascii: "\""))
        writeEscaped(value)
        text.append(UInt8(ascii: "\""))
    }

    /// RFC 8259 escaping: the quote, the backslash and control characters; everything else,
    /// non-ASCII included, as UTF-8.
    private mutating func writeEscaped(_ value: String) {
        let hex = Array("0123456789abcdef".utf8)
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
    }
}
