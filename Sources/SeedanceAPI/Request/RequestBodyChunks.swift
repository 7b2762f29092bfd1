internal import Foundation
internal import NIOCore

/// The body's bytes in order: JSON text as it is, frame bytes base64-encoded one chunk at a time
/// into a fresh buffer. Chunks split frames at multiples of 3 bytes, so no padding appears
/// mid-frame and the output is exactly one base64 string per frame.
public struct RequestBodyChunks: AsyncSequence, Sendable {
    public typealias Element = RequestBodyChunk
    /// 3 MiB of input per chunk: 4 MiB of base64 in flight at a time.
    public static let defaultChunkSize = 3 << 20

    let segments: [RequestBody.Segment]
    let chunkSize: Int

    init(segments: [RequestBody.Segment], chunkSize: Int) {
        self.segments = segments
        // Round to a whole number of 3-byte groups.
        self.chunkSize = Swift.max(3, chunkSize - chunkSize % 3)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(segments: segments, chunkSize: chunkSize)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let segments: [RequestBody.Segment]
        let chunkSize: Int
        var index = 0
        var offset = 0
        let allocator = ByteBufferAllocator()

        public mutating func next() async -> RequestBodyChunk? {
            nextChunk()
        }

        /// The next chunk, or nil at the end; synchronous, for writing files.
        mutating func nextChunk() -> RequestBodyChunk? {
            while index < segments.count {
                switch segments[index] {
                case .text(let bytes):
                    index += 1
                    if bytes.isEmpty { continue }
                    var buffer = allocator.buffer(capacity: bytes.count)
                    buffer.writeBytes(bytes)
                    return RequestBodyChunk(buffer: buffer)
                case .base64(let inline):
                    let total = inline.bytes.count
                    guard offset < total else {
                        index += 1
                        offset = 0
                        continue
                    }
                    let end = Swift.min(total, offset + chunkSize)
                    let buffer = Self.encode(inline.bytes, from: offset, to: end, allocator: allocator)
                    offset = end
                    return RequestBodyChunk(buffer: buffer)
                }
            }
            return nil
        }

        private static func encode(_ data: Data, from start: Int, to end: Int, allocator: ByteBufferAllocator) -> ByteBuffer {
            let outputLength = Base64Encoder.encodedLength(of: end - start)
            var buffer = allocator.buffer(capacity: outputLength)
            data.withUnsafeBytes { raw in
                let input = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: outputLength) { output in
                    Base64Encoder.encode(input, into: output)
                }
            }
            return buffer
        }
    }
}
