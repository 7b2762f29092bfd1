internal import Foundation

/// The body's bytes in order: JSON text as it is, frame bytes base64-encoded one chunk at a time
/// into a fresh array. Chunks split frames at multiples of 3 bytes, so no padding appears
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

        public mutating func next() async -> RequestBodyChunk? {
            nextChunk()
        }

        /// The next chunk, or nil at the end; synchronous, for writing files.
        package mutating func nextChunk() -> RequestBodyChunk? {
            while index < segments.count {
                switch segments[index] {
                case .text(let bytes):
                    index += 1
                    if bytes.isEmpty { continue }
                    return RequestBodyChunk(bytes: bytes)
                case .base64(let inline):
                    let total = inline.bytes.count
                    guard offset < total else {
                        index += 1
                        offset = 0
                        continue
                    }
                    let end = Swift.min(total, offset + chunkSize)
                    let encoded = Self.encode(inline.bytes, from: offset, to: end)
                    offset = end
                    return RequestBodyChunk(bytes: encoded)
                }
            }
            return nil
        }

        private static func encode(_ data: Data, from start: Int, to end: Int) -> [UInt8] {
            let outputLength = Base64Encoder.encodedLength(of: end - start)
            return [UInt8](unsafeUninitializedCapacity: outputLength) { output, initialized in
                data.withUnsafeBytes { raw in
                    let input = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    initialized = Base64Encoder.encode(input, into: UnsafeMutableRawBufferPointer(output))
                }
            }
        }
    }
}
