import Foundation
import Testing

@testable import SeedanceKit

/// A worker's answer comes from another process: any length prefix, however garbled, is a
/// broken stream for the caller, never a trap.
@Suite struct FrameWorkerWireTests {
    struct Header: Codable, Equatable {
        var text: String
    }

    /// `bytes` written into a pipe, then read as one message.
    static func read(_ bytes: [UInt8]) throws -> (header: Header, data: Data) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try FrameWorkerWire.write(Data(bytes), to: ends[1])
        close(ends[1])
        return try FrameWorkerWire.read(Header.self, from: ends[0])
    }

    static func lengths(_ header: UInt64, _ data: UInt64) -> [UInt8] {
        withUnsafeBytes(of: header.littleEndian) { Array($0) } + withUnsafeBytes(of: data.littleEndian) { Array($0) }
    }

    @Test(
        arguments: [
            (UInt64.max, 0), (1 << 63, 0), (0, UInt64.max), (0, 1 << 63), (UInt64(64 << 20) + 1, 0), (2, UInt64(4 << 30) + 1),
        ] as [(UInt64, UInt64)])
    func aLengthBeyondTheLimitsIsABrokenStream(header: UInt64, data: UInt64) throws {
        let closed = #expect(throws: FrameWorkerWire.Closed.self) { try Self.read(Self.lengths(header, data) + Array("{}".utf8)) }
        #expect(closed?.clean == false)
    }

    @Test func aMessageRoundTrips() throws {
        let message = try FrameWorkerWire.encode(Header(text: "frame"), data: Data([1, 2, 3]))
        let read = try Self.read(Array(message))
        #expect(read.header == Header(text: "frame") && read.data == Data([1, 2, 3]))
    }

    @Test func anEmptyStreamEndsCleanly() throws {
        let closed = #expect(throws: FrameWorkerWire.Closed.self) { try Self.read([]) }
        #expect(closed?.clean == true)
    }
}
