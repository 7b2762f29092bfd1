/// JPEG: the size from the first start-of-frame marker, the orientation from an `Exif` APP1
/// segment, and an end-of-image marker somewhere after the image data.
enum JPEGHeader {
    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        let reader = ByteReader(bytes: bytes)
        var offset = 2
        var size: (width: Int, height: Int)?
        var orientation: Int?
        while true {
            guard reader.byte(at: offset) == 0xFF else { throw ImageHeaderError("jpeg: no marker at byte \(offset)") }
            // A marker may be preceded by any number of 0xFF fill bytes.
            while reader.byte(at: offset) == 0xFF { offset += 1 }
            guard let marker = reader.byte(at: offset) else { throw ImageHeaderError("jpeg: the file is cut off in its header") }
            offset += 1
            if marker == 0xD9 { throw ImageHeaderError("jpeg: the file ends before any image data") }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { continue }
            guard let length = reader.uint16(at: offset), length >= 2, offset + length <= bytes.count else {
                throw ImageHeaderError("jpeg: the file is cut off in its header")
            }
            let segment = offset + 2
            switch marker {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                guard size == nil else { break }
                guard length >= 7, let height = reader.uint16(at: segment + 1), let width = reader.uint16(at: segment + 3) else {
                    throw ImageHeaderError("jpeg: the frame header is too short")
                }
                size = (width, height)
            // `Exif\0\0` inside the segment (its length counts the two length bytes): a shorter
            // segment is followed by those bytes, not made of them.
            case 0xE1 where orientation == nil && length >= 8 && reader.matches("Exif\u{0}\u{0}", at: segment):
                orientation = TIFFHeader.orientation(inExif: Array(bytes[(segment + 6)..<(offset + length)]))
            case 0xDA:
                guard let size else { throw ImageHeaderError("jpeg: image data before any frame header") }
                // Entropy-coded data escapes every 0xFF, so FF D9 after it can only be the end marker.
                guard containsEndMarker(bytes, from: offset + length) else {
                    throw ImageHeaderError("jpeg: the file is cut off (no end-of-image marker after the image data)")
                }
                return ImageHeader(format: "jpeg", storedWidth: size.width, storedHeight: size.height, orientation: orientation ?? 1)
            default:
                break
            }
            offset += length
        }
    }

    private static func containsEndMarker(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0xFF, bytes[index + 1] == 0xD9 { return true }
            index += 1
        }
        return false
    }
}
