import Foundation

/// The framing between a preparation worker and its caller, one message at a time in each
/// direction: two little-endian 64-bit lengths (header, data), a JSON header, then raw data (an
/// input's or a prepared frame's bytes, which would cost a base64 pass inside JSON).
enum FrameWorkerWire {
    /// The stream ended or broke: at a message boundary (`clean`) or inside one.
    struct Closed: Error {
        var clean: Bool
    }

    /// More than any message a worker exchanges: a runaway length is a broken stream.
    static let maxHeaderBytes = 64 << 20
    static let maxDataBytes = 4 << 30

    static func encode(_ header: some Encodable, data: Data) throws -> Data {
        let json = try JSONEncoder().encode(header)
        var message = Data(capacity: 16 + json.count + data.count)
        for length in [json.count, data.count] {
            withUnsafeBytes(of: UInt64(length).littleEndian) { message.append(contentsOf: $0) }
        }
        message.append(json)
        message.append(data)
        return message
    }

    /// Reads one message; `Closed(clean: true)` when the stream ends before its first byte.
    static func read<Header: Decodable>(_ type: Header.Type, from fd: Int32) throws -> (header: Header, data: Data) {
        let lengths = try readExactly(16, from: fd, atBoundary: true)
        // Compared as they came: a garbled length of 2^63 or more is no Int, and must not trap.
        let headerLength = lengths.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
        let dataLength = lengths.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        guard headerLength <= UInt64(maxHeaderBytes), dataLength <= UInt64(maxDataBytes) else { throw Closed(clean: false) }
        let header = try JSONDecoder().decode(Header.self, from: try readExactly(Int(headerLength), from: fd, atBoundary: false))
        return (header, try readExactly(Int(dataLength), from: fd, atBoundary: false))
    }

    static func write(_ message: Data, to fd: Int32) throws(Closed) {
        var failure: Closed?
        message.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                // A socket: no SIGPIPE when the other side is gone (the caller's process must
                // survive a dead worker). Anything else (a pipe, run by hand): a plain write.
                var count = send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if count < 0 && errno == ENOTSOCK { count = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failure = Closed(clean: false)
                    return
                }
                offset += count
            }
        }
        if let failure { throw failure }
    }

    private static func readExactly(_ length: Int, from fd: Int32, atBoundary: Bool) throws(Closed) -> Data {
        var data = Data(count: length)
        var offset = 0
        var failure: Closed?
        data.withUnsafeMutableBytes { buffer in
            while offset < length {
                let count = Foundation.read(fd, buffer.baseAddress! + offset, length - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failure = Closed(clean: atBoundary && offset == 0)
                    return
                }
                offset += count
            }
        }
        if let failure { throw failure }
        return data
    }
}
