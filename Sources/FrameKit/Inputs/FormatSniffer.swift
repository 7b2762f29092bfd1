/// Tells the format from the first bytes of a file, the way libvips' `is_a` checks do, so that
/// we choose the loader and a renamed file cannot pick one for us.
enum FormatSniffer {
    /// How many leading bytes ``format(of:)`` wants to see.
    static let headLength = 1024

    static func format(of head: some Collection<UInt8>) -> ImageFormat? {
        let b = Array(head.prefix(headLength))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + signature.count && Array(b[offset..<offset + signature.count]) == signature
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if ascii("GIF87a") || ascii("GIF89a") { return .gif }
        if ascii("RIFF"), ascii("WEBP", at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        if ascii("BM"), BMPHeader.hasKnownInfoHeaderSize(b) { return .bmp }
        if ascii("ftyp", at: 4) { return isobmffFormat(b) }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            return .jpeg2000
        }
        if starts([0xFF, 0x0A]) || starts([0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) { return .jpegXL }
        if ascii("%PDF-") { return .pdf }
        if looksLikeSVG(b) { return .svg }
        return nil
    }

    /// HEIF and AVIF share the ISO base media container; the brands say which.
    private static func isobmffFormat(_ b: [UInt8]) -> ImageFormat? {
        guard b.count >= 16 else { return nil }
        let boxSize = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
        let end = min(max(boxSize, 16), b.count)
        var brands: [String] = []
        var offset = 8
        while offset + 4 <= end {
            if offset != 12 { brands.append(String(decoding: b[offset..<offset + 4], as: UTF8.self)) }
            offset += 4
        }
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return .avif }
        let heifBrands: Set = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]
        return brands.contains(where: heifBrands.contains) ? .heif : nil
    }

    private static func looksLikeSVG(_ b: [UInt8]) -> Bool {
        let text = String(decoding: b, as: UTF8.self).lowercased()
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard trimmed.hasPrefix("<") else { return false }
        return text.contains("<svg")
    }
}
