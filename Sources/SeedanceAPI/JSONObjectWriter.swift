internal import NIOCore

/// Writes one flat JSON object straight into a byte buffer.
///
/// The request body carries two data URIs of up to ~30 MB each; going through `Encodable`
/// would copy and escape them several times, so the body is assembled by hand instead.
struct JSONObjectWriter {
    private var buffer: ByteBuffer
    private var isEmpty = true

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
        buffer.writeStaticString("{")
    }

    /// Writes a string value that escaping would leave unchanged (checked by the caller).
    mutating func field(_ key: StaticString, verbatim value: String) {
        writeKey(key)
        buffer.writeStaticString("\"")
        buffer.writeString(value)
        buffer.writeStaticString("\"")
    }

    mutating func field(_ key: StaticString, string value: String) {
        writeKey(key)
        writeEscaped(value)
    }

    mutating func field(_ key: StaticString, integer value: some BinaryInteger) {
        writeKey(key)
        buffer.writeString(String(value))
    }

    mutating func field(_ key: StaticString, bool value: Bool) {
        writeKey(key)
        if value { buffer.writeStaticString("true") } else { buffer.writeStaticString("false") }
    }

    consuming func finish() -> ByteBuffer {
        buffer.writeStaticString("}")
        return buffer
    }

    private mutating func writeKey(_ key: StaticString) {
        if !isEmpty { buffer.writeStaticString(",") }
        isEmpty = false
        buffer.writeStaticString("\"")
        buffer.writeStaticString(key)
        buffer.writeStaticString("\":")
    }

    private mutating func writeEscaped(_ value: String) {
        buffer.writeStaticString("\"")
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0xF)])
            default:
                buffer.writeInteger(byte)
            }
        }
        buffer.writeStaticString("\"")
    }
}
