/// One piece of a request body: JSON text, or up to a chunk's worth of a frame's base64.
public struct RequestBodyChunk: Sendable {
    /// The chunk's bytes, ready to send or write.
    public let bytes: [UInt8]

    public var count: Int { bytes.count }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBytes(body)
    }
}
