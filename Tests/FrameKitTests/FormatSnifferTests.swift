import Testing

@testable import FrameKit

@Suite struct FormatSnifferTests {
    @Test(
        arguments: [
            ([0xFF, 0xD8, 0xFF, 0xE0], ImageFormat.jpeg),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
            (Array("GIF89a".utf8), .gif),
            (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), .webp),
            ([0x49, 0x49, 0x2A, 0x00], .tiff),
            ([0x4D, 0x4D, 0x00, 0x2A], .tiff),
            ([0, 0, 0, 0x18] + Array("ftypheic\0\0\0\0mif1heic".utf8), .heif),
            ([0, 0, 0, 0x1C] + Array("ftypavif\0\0\0\0avifmif1miaf".utf8), .avif),
            ([0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A], .jpeg2000),
            (Array("%PDF-1.7".utf8), .pdf),
            (Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), .svg),
        ] as [([UInt8], ImageFormat)])
    func knowsFormatsByTheirBytes(bytes: [UInt8], format: ImageFormat) {
        #expect(FormatSniffer.format(of: bytes) == format)
    }

    @Test(arguments: [[], [0x00], Array("hello world".utf8), Array("BM".utf8), [0xFF, 0xD8]] as [[UInt8]])
    func refusesWhatIsNotAnImage(bytes: [UInt8]) {
        #expect(FormatSniffer.format(of: bytes) == nil)
    }

    @Test func bmpHeaderIsParsedWithoutDecoding() throws {
        var header: [UInt8] = Array("BM".utf8) + [UInt8](repeating: 0, count: 52)
        header[14] = 40
        // width 8000, height -6000 (top-down), 24 bits
        withUnsafeBytes(of: Int32(8000).littleEndian) { header.replaceSubrange(18..<22, with: $0) }
        withUnsafeBytes(of: Int32(-6000).littleEndian) { header.replaceSubrange(22..<26, with: $0) }
        header[28] = 24
        let parsed = try #require(BMPHeader(header))
        #expect(parsed.width == 8000)
        #expect(parsed.height == 6000)
        #expect(parsed.topDown)
        #expect(parsed.bitsPerPixel == 24)
        header[28] = 7
        #expect(BMPHeader(header) == nil)
    }
}
