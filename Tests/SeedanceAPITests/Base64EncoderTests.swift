import Foundation
import SeedanceAPI
import Testing

@testable import SeedanceCore

/// The body's base64 encoder against Foundation's, byte for byte: every tail length (0, 1 and 2
/// bytes past a whole group), every byte value, and a large random input.
@Suite struct Base64EncoderTests {
    static let lengths = Array(0...13) + [255, 256, 257, 3 << 12, (3 << 12) + 1]

    @Test(arguments: lengths)
    func matchesFoundation(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let input = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(encoded(input) == input.base64EncodedData())
    }

    @Test func everyByteValueInEveryPosition() {
        // 256 values at offsets 0, 1 and 2 of a group: each 6-bit and 12-bit index is reached.
        for shift in 0..<3 {
            let input = Data((0..<(256 + shift)).map { UInt8(truncatingIfNeeded: $0 - shift) })
            #expect(encoded(input) == input.base64EncodedData(), "shift \(shift)")
        }
    }

    @Test func writesOnlyWhatItReports() {
        let input = Data([0xFB, 0xFF])
        var output = [UInt8](repeating: 0xAA, count: 8)
        let written = output.withUnsafeMutableBytes { Base64Encoder.encode(UnsafeRawBufferPointer(start: nil, count: 0), into: $0) }
        #expect(written == 0)
        let count = input.withUnsafeBytes { source in output.withUnsafeMutableBytes { Base64Encoder.encode(source, into: $0) } }
        #expect(count == 4)
        #expect(Array(output[0..<4]) == Array("+/8=".utf8))
        #expect(Array(output[4...]) == [0xAA, 0xAA, 0xAA, 0xAA], "nothing past the encoded length")
    }

    private func encoded(_ input: Data) -> Data {
        var output = Data(count: Base64Encoder.encodedLength(of: input.count))
        let written = input.withUnsafeBytes { source in output.withUnsafeMutableBytes { Base64Encoder.encode(source, into: $0) } }
        #expect(written == output.count)
        return output
    }
}
