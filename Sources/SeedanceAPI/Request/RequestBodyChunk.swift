internal import NIOCore

/// One piece of a request body: JSON text, or up to a chunk's worth of a frame's base64.
///
/// The bytes live in the buffer the HTTP client sends, so streaming copies nothing; callers
/// outside this module read them through ``withUnsafeBytes(_:)``.
public struct RequestBodyChunk: Sendable {
    let buffer: ByteBuffer

    public var count: Int { buffer.readableBytes }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeReadableBytes(body)
    }
}
