/// BMP: the size from the info header (a negative height stores rows top-down) and, for
/// uncompressed pixels, every row inside the file.
enum BMPHeader {
    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        let reader = ByteReader(bytes: bytes, littleEndian: true)
        guard let pixelOffset = reader.uint32(at: 10), let infoSize = reader.uint32(at: 14) else {
            throw ImageHeaderError("bmp: the file is cut off in its header")
        }
        let size: (width: Int, height: Int)?
        let bitsPerPixel: Int?
        if infoSize == 12 {
            // The OS/2 core header: 16-bit sides.
            size = reader.uint16(at: 18).flatMap { width in reader.uint16(at: 20).map { (width, $0) } }
            bitsPerPixel = reader.uint16(at: 24)
        } else {
            size = reader.int32(at: 18).flatMap { width in reader.int32(at: 22).map { (width, abs($0)) } }
            bitsPerPixel = reader.uint16(at: 28)
        }
        guard let size, let bitsPerPixel, size.width >= 0 else { throw ImageHeaderError("bmp: the info header is unreadable") }
        let compression = infoSize == 12 ? 0 : reader.uint32(at: 30) ?? 0
        if compression == 0 {
            let rowBytes = (bitsPerPixel * size.width + 31) / 32 * 4
            // A hostile header's sides and offset can add up past Int.max: that is past the file.
            let (pixelBytes, overflow) = rowBytes.multipliedReportingOverflow(by: size.height)
            let (end, past) = pixelOffset.addingReportingOverflow(pixelBytes)
            guard !overflow, !past, end <= bytes.count else {
                throw ImageHeaderError("bmp: the file is cut off (its rows end past the file)")
            }
        }
        return ImageHeader(format: "bmp", storedWidth: size.width, storedHeight: size.height)
    }
}
