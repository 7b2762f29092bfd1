internal import SeedanceCore

/// Bytes that arrive (or go out) in chunks: a response body read as it streams, or a request
/// body produced as it is sent. Iterating again starts again where the source allows it (a
/// request body does: a retried POST sends the same bytes).
public struct HTTPBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    /// The body's size when known up front (a request body always is).
    public let length: Int?
    private let iterate: @Sendable () -> AsyncIterator

    /// A body read through `next`, made anew for each iteration.
    public init(length: Int?, makeNext: @escaping @Sendable () -> (() async throws -> [UInt8]?)) {
        self.length = length
        iterate = { AsyncIterator(nextChunk: makeNext()) }
    }

    /// A body whose bytes are all here.
    public init(bytes: [UInt8] = []) {
        self.init(length: bytes.count) {
            var sent = bytes.isEmpty
            return {
                defer { sent = true }
                return sent ? nil : bytes
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { iterate() }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextChunk: () async throws -> [UInt8]?

        public mutating func next() async throws -> [UInt8]? { try await nextChunk() }
    }

    /// Reads the whole body, refusing more than `limit` bytes.
    ///
    /// - Throws: ``TooLarge`` past the limit (nothing more is read), or what the transport threw.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.count <= limit else { throw TooLarge(limit: limit) }
            bytes += chunk
        }
        return bytes
    }

    /// A body longer than a reader's limit.
    public struct TooLarge: Error, Sendable {
        public var limit: Int
    }
}
