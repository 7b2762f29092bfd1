/// WebP: the size from the first chunk (lossy `VP8 `, lossless `VP8L` or extended `VP8X`), the
/// orientation from an `EXIF` chunk, and a RIFF container that fits in the file.
enum WebPHeader {
    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        let reader = ByteReader(bytes: bytes, littleEndian: true)
        guard let riffSize = reader.uint32(at: 4), 8 + riffSize <= bytes.count else {
            throw ImageHeaderError("webp: the file is cut off (shorter than its RIFF size)")
        }
        let payload = 20
        if reader.matches("VP8 ", at: 12) {
            guard bytes.count > payload + 9, bytes[(payload + 3)...(payload + 5)].elementsEqual([0x9D, 0x01, 0x2A]),
                let width = reader.uint16(at: payload + 6), let height = reader.uint16(at: payload + 8)
            else {
                throw ImageHeaderError("webp: the lossy frame header is unreadable")
            }
            return ImageHeader(format: "webp", storedWidth: width & 0x3FFF, storedHeight: height & 0x3FFF)
        }
        if reader.matches("VP8L", at: 12) {
            guard reader.byte(at: payload) == 0x2F, let bits = reader.uint32(at: payload + 1) else {
                throw ImageHeaderError("webp: the lossless header is unreadable")
            }
            return ImageHeader(format: "webp", storedWidth: (bits & 0x3FFF) + 1, storedHeight: (bits >> 14 & 0x3FFF) + 1)
        }
        if reader.matches("VP8X", at: 12) {
            guard let width = reader.uint24(at: payload + 4), let height = reader.uint24(at: payload + 7) else {
                throw ImageHeaderError("webp: the extended header is unreadable")
            }
            return ImageHeader(format: "webp", storedWidth: width + 1, storedHeight: height + 1, orientation: orientation(bytes, reader) ?? 1)
        }
        throw ImageHeaderError("webp: no VP8, VP8L or VP8X chunk first")
    }

    /// The `EXIF` chunk's orientation; chunks are padded to an even size.
    private static func orientation(_ bytes: [UInt8], _ reader: ByteReader) -> Int? {
        var offset = 12
        while let size = reader.uint32(at: offset + 4), offset + 8 + size <= bytes.count {
            if reader.matches("EXIF", at: offset) {
                var exif = Array(bytes[(offset + 8)..<(offset + 8 + size)])
                if ByteReader(bytes: exif).matches("Exif\u{0}\u{0}", at: 0) { exif.removeFirst(6) }
                return TIFFHeader.orientation(inExif: exif)
            }
            offset += 8 + size + size % 2
        }
        return nil
    }
}
