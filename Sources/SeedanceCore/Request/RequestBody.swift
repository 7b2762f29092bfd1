internal import Crypto
internal import Foundation

/// The exact bytes of a create call, described rather than built: JSON text in field order
/// with each inline frame's bytes left as they are, base64-encoded chunk by chunk only as the
/// body is sent or written (``chunks``). Two 20 MB frames never exist as base64 strings, and
/// the length is known before the first byte goes out.
public struct RequestBody: Sendable {
    /// Frame bytes and the `<fmt>` of their data URI.
    struct InlineBytes: Sendable {
        var bytes: Data
        var format: String
        var digest: String
    }

    enum Segment: Sendable {
        case text([UInt8])
        case base64(InlineBytes)

        var length: Int {
            switch self {
            case .text(let bytes): bytes.count
            case .base64(let inline): Base64Encoder.encodedLength(of: inline.bytes.count)
            }
        }
    }

    let segments: [Segment]
    /// The body's exact size in bytes.
    public let length: Int
    /// SHA-256 (hex) of the body with each inline frame's base64 replaced by `sha256:<digest>`:
    /// the same for the same parameters and frames, without reading a frame twice.
    public let fingerprint: String
    /// The model's name, for the journal/store (duplicates are keyed on fingerprint, model and base URL).
    public let model: String
    /// Where the body goes on the provider.
    public let endpoint: String
    /// What a provider that can list tasks echoes of this request (its wire model and top-level
    /// fields, as text), kept with the intent so an unknown outcome can be matched to a listed
    /// task; empty for a provider that cannot list.
    public var echo: [String: String] = [:]

    /// Lays out any document, nested ones included (objects in arrays); the caller has validated it.
    public init(json document: RequestJSON, model: String, endpoint: String) {
        segments = JSONBodyWriter.segments(of: document)
        length = segments.reduce(0) { $0 + $1.length }
        var hasher = SHA256()
        for segment in segments {
            switch segment {
            case .text(let bytes): hasher.update(data: bytes)
            case .base64(let inline): hasher.update(data: Data("sha256:\(inline.digest)".utf8))
            }
        }
        fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        self.model = model
        self.endpoint = endpoint
    }

    /// The body as a sequence of buffers, each frame encoded `chunkSize` input bytes at a time.
    /// Iterating again starts again, so a retried POST sends the same bytes.
    public func chunks(chunkSize: Int = RequestBodyChunks.defaultChunkSize) -> RequestBodyChunks {
        RequestBodyChunks(segments: segments, chunkSize: chunkSize)
    }

    /// Produces the whole body once, as a POST would, and discards it; returns the bytes
    /// produced, which equal ``length`` (a dry run proves the stream without sending it).
    public func producedByteCount(chunkSize: Int = RequestBodyChunks.defaultChunkSize) -> Int {
        var iterator = chunks(chunkSize: chunkSize).makeAsyncIterator()
        var count = 0
        while let chunk = iterator.nextChunk() {
            count += chunk.count
        }
        return count
    }
}
