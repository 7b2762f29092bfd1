/// BMP's header, parsed by hand: libvips 8.14 has no native BMP loader, and ImageMagick decodes
/// the whole image just to report its size, so we read geometry here and apply the pixel limit
/// before ImageMagick ever sees the file.
struct BMPHeader: Equatable, Sendable {
    var width: Int
    var height: Int
    var bitsPerPixel: Int
    var compression: Int
    var topDown: Bool
    var hasAlphaMask: Bool

    /// The DIB header sizes of the BMP versions ImageMagick reads (core, v1 … v5, OS/2 v2).
    static let knownInfoHeaderSizes: Set<Int> = [12, 16, 40, 52, 56, 64, 108, 124]
    static let minimumLength = 26

    static func hasKnownInfoHeaderSize(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 18 && knownInfoHeaderSizes.contains(Int(uint32(bytes, 14)))
    }

    /// Returns nil when the bytes are not a plausible BMP header.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= Self.minimumLength, bytes[0] == 0x42, bytes[1] == 0x4D else { return nil }
        let infoSize = Int(Self.uint32(bytes, 14))
        guard Self.knownInfoHeaderSizes.contains(infoSize) else { return nil }
        if infoSize == 12 {
            width = Int(Self.uint16(bytes, 18))
            height = Int(Self.uint16(bytes, 20))
            bitsPerPixel = Int(Self.uint16(bytes, 24))
            compression = 0
            topDown = false
            hasAlphaMask = false
        } else {
            guard bytes.count >= 34 else { return nil }
            width = Int(Int32(bitPattern: Self.uint32(bytes, 18)))
            let rawHeight = Int(Int32(bitPattern: Self.uint32(bytes, 22)))
            topDown = rawHeight < 0
            height = abs(rawHeight)
            bitsPerPixel = Int(Self.uint16(bytes, 28))
            compression = Int(Self.uint32(bytes, 30))
            hasAlphaMask = bitsPerPixel == 32 && infoSize >= 56 && bytes.count >= 58 && Self.uint32(bytes, 54) != 0
        }
        let validDepths: Set = [1, 2, 4, 8, 16, 24, 32]
        guard width > 0, height > 0, validDepths.contains(bitsPerPixel) else { return nil }
    }

    private static func uint16(_ b: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(b[offset]) | UInt16(b[offset + 1]) << 8
    }

    private static func uint32(_ b: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(b[offset]) | UInt32(b[offset + 1]) << 8 | UInt32(b[offset + 2]) << 16 | UInt32(b[offset + 3]) << 24
    }
}
