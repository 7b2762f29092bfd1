import Foundation
import SeedanceAPI
import TestSupport
import Testing

@testable import SeedanceStub

/// The stand-in's own header readers against the fixtures. Every expectation is written by
/// hand from how the fixture was made (scripts/make-fixtures.py, the file names), never from
/// the client's image code.
@Suite struct StubHeaderReaderTests {
    private static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(name))))
    }

    /// Fixture, format read from the bytes, displayed width × height, EXIF orientation.
    static let headers: [(String, String, Int, Int, Int)] = [
        ("accepted.png", "png", 400, 320, 1),
        ("accepted.gif", "gif", 400, 320, 1),
        ("accepted.webp", "webp", 400, 320, 1),
        ("accepted.bmp", "bmp", 320, 320, 1),
        ("accepted.tif", "tiff", 400, 320, 1),
        ("good-first.jpg", "jpeg", 960, 540, 1),
        ("jpeg-named.png", "jpeg", 400, 320, 1),
        ("animated-3-frames.gif", "gif", 400, 320, 1),
        ("bad-last-panorama.png", "png", 1500, 400, 1),
        ("bad-first-sideways.jpg", "jpeg", 480, 640, 6),
        ("edge-5999x3000.png", "png", 5999, 3000, 1),
        ("edge-1000x2499.png", "png", 1000, 2499, 1),
        ("orientation-1.jpg", "jpeg", 400, 320, 1),
        ("orientation-2.jpg", "jpeg", 400, 320, 2),
        ("orientation-3.jpg", "jpeg", 400, 320, 3),
        ("orientation-4.jpg", "jpeg", 400, 320, 4),
        // 5–8 turn the picture a quarter: the model sees it 320 wide.
        ("orientation-5.jpg", "jpeg", 320, 400, 5),
        ("orientation-6.jpg", "jpeg", 320, 400, 6),
        ("orientation-7.jpg", "jpeg", 320, 400, 7),
        ("orientation-8.jpg", "jpeg", 320, 400, 8),
    ]

    @Test(arguments: headers)
    func readsFormatSizeAndOrientation(fixture: String, format: String, width: Int, height: Int, orientation: Int) throws {
        let header = try ImageHeaderReader.read(try Self.bytes(fixture))
        #expect(header.format == format)
        #expect(header.width == width && header.height == height, "\(header.width)×\(header.height)")
        #expect(header.orientation == orientation)
    }

    /// Files whose header cannot be read, each for its own reason.
    @Test(arguments: ["refused.avif", "refused.heic", "refused.jp2", "refused.svg", "random-bytes.bin", "empty.jpg", "truncated.jpg"])
    func refusesWhatIsNotAWholeAcceptedImage(fixture: String) throws {
        #expect(throws: ImageHeaderError.self) { try ImageHeaderReader.read(try Self.bytes(fixture)) }
    }

    /// Crafted headers whose fields would trap a careless reader (an inverted range, an
    /// arithmetic overflow): each is refused with a message.
    static let hostileHeaders: [(String, [UInt8])] = [
        // An APP1 segment of length 4, followed (not filled) by `Exif\0\0`.
        (
            "jpeg app1 shorter than its Exif mark",
            [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x04] + Array("Exif".utf8) + [0, 0] + Array(repeating: 0, count: 10)
        ),
        ("jpeg app1 of length 2", [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02] + Array("Exif".utf8) + [0, 0] + Array(repeating: 0, count: 10)),
        // Pixel offset 2^32−1 plus rows of 2^63−2^32 bytes and more: past Int.max.
        ("bmp rows ending past Int.max", bmp(pixelOffset: 0xFFFF_FFFF, width: 2_147_483_646, height: 1_073_741_825, bitsPerPixel: 32)),
        ("bmp rows overflowing their product", bmp(pixelOffset: 54, width: 0x7FFF_FFFF, height: 0x7FFF_FFFF, bitsPerPixel: 0xFFFF)),
    ]

    static func bmp(pixelOffset: UInt32, width: Int32, height: Int32, bitsPerPixel: UInt16) -> [UInt8] {
        func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        return Array("BM".utf8) + le(UInt32(54)) + le(UInt32(0)) + le(pixelOffset) + le(UInt32(40)) + le(width) + le(height)
            + le(UInt16(1)) + le(bitsPerPixel) + le(UInt32(0)) + Array(repeating: 0, count: 20)
    }

    @Test(arguments: hostileHeaders)
    func aCraftedHeaderIsRefusedNotATrap(name: String, bytes: [UInt8]) {
        #expect(throws: ImageHeaderError.self, "\(name)") { try ImageHeaderReader.read(bytes) }
    }

    /// Each accepted format cut short stops being readable (a cut-off upload decodes to grey).
    @Test(arguments: ["accepted.png", "accepted.webp", "accepted.bmp", "accepted.tif", "good-first.jpg"])
    func aFileCutInHalfIsRefused(fixture: String) throws {
        let whole = try Self.bytes(fixture)
        #expect(throws: Never.self) { try ImageHeaderReader.read(whole) }
        #expect(throws: ImageHeaderError.self) { try ImageHeaderReader.read(Array(whole.prefix(whole.count / 2))) }
    }

    @Test func aBigEndianTIFFAndAHeaderThatPointsOutsideTheFile() throws {
        // II and MM spell the same directory in two byte orders; both are 301×400, orientation 8.
        func tiff(bigEndian: Bool, stripOffset: Int) -> [UInt8] {
            func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
            func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
            func entry(_ tag: Int, _ type: Int, _ value: Int) -> [UInt8] {
                u16(tag) + u16(type) + u32(1) + (type == 3 ? u16(value) + [0, 0] : u32(value))
            }
            let head: [UInt8] = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8)
            let entries = entry(256, 3, 301) + entry(257, 4, 400) + entry(273, 4, stripOffset) + entry(274, 3, 8) + entry(279, 4, 4)
            return head + u16(5) + entries + u32(0) + [1, 2, 3, 4]
        }
        let dataOffset = 8 + 2 + 5 * 12 + 4
        for bigEndian in [false, true] {
            let header = try ImageHeaderReader.read(tiff(bigEndian: bigEndian, stripOffset: dataOffset))
            #expect(header.format == "tiff" && header.width == 400 && header.height == 301 && header.orientation == 8)
            #expect(throws: ImageHeaderError.self) { try ImageHeaderReader.read(tiff(bigEndian: bigEndian, stripOffset: dataOffset + 1)) }
        }
    }
}
