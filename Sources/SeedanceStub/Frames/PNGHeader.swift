/// PNG: the size from `IHDR`, the orientation from an `eXIf` chunk, and every chunk whole up to `IEND`.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        let reader = ByteReader(bytes: bytes)
        guard reader.matches("IHDR", at: 12), let width = reader.uint32(at: 16), let height = reader.uint32(at: 20) else {
            throw ImageHeaderError("png: no IHDR chunk first")
        }
        var orientation = 1
        var offset = signature.count
        // Each chunk: 4-byte length, 4-byte type, data, 4-byte CRC.
        while let length = reader.uint32(at: offset) {
            let end = offset + 12 + length
            guard end <= bytes.count else { break }
            if reader.matches("IEND", at: offset + 4) {
                return ImageHeader(format: "png", storedWidth: width, storedHeight: height, orientation: orientation)
            }
            if reader.matches("eXIf", at: offset + 4) {
                orientation = TIFFHeader.orientation(inExif: Array(bytes[(offset + 8)..<(end - 4)])) ?? orientation
            }
            offset = end
        }
        throw ImageHeaderError("png: the file is cut off (no IEND chunk)")
    }
}
