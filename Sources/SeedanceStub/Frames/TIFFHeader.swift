/// TIFF, and the TIFF structure inside EXIF: the first directory's width, height and
/// orientation, and (for a TIFF file) every strip or tile inside the file.
enum TIFFHeader {
    private enum Tag {
        static let width = 256, height = 257, stripOffsets = 273, orientation = 274, stripByteCounts = 279
        static let tileOffsets = 324, tileByteCounts = 325
    }

    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        guard let directory = Directory(bytes) else { throw ImageHeaderError("tiff: the first directory is unreadable") }
        guard let width = directory.values(Tag.width)?.first, let height = directory.values(Tag.height)?.first else {
            throw ImageHeaderError("tiff: no width or height")
        }
        for (offsetsTag, countsTag) in [(Tag.stripOffsets, Tag.stripByteCounts), (Tag.tileOffsets, Tag.tileByteCounts)] {
            guard let offsets = directory.values(offsetsTag) else { continue }
            guard let counts = directory.values(countsTag), counts.count == offsets.count,
                zip(offsets, counts).allSatisfy({ $0 + $1 <= bytes.count })
            else {
                throw ImageHeaderError("tiff: the file is cut off (image data ends past the file)")
            }
        }
        return ImageHeader(format: "tiff", storedWidth: width, storedHeight: height, orientation: directory.orientation)
    }

    /// The orientation an EXIF block (a TIFF structure without the `Exif\0\0` prefix) states.
    static func orientation(inExif bytes: [UInt8]) -> Int? {
        Directory(bytes)?.orientation
    }

    /// The first image file directory: 12-byte entries of tag, type, count, and a value or an offset to it.
    private struct Directory {
        let reader: ByteReader
        let start: Int
        let count: Int

        init?(_ bytes: [UInt8]) {
            let order = ByteReader(bytes: bytes)
            guard order.matches("II", at: 0) || order.matches("MM", at: 0) else { return nil }
            let reader = ByteReader(bytes: bytes, littleEndian: order.matches("II", at: 0))
            guard reader.uint16(at: 2) == 42, let start = reader.uint32(at: 4), let count = reader.uint16(at: start) else { return nil }
            self.reader = reader
            self.start = start + 2
            self.count = count
        }

        var orientation: Int {
            values(Tag.orientation)?.first.flatMap { (1...8).contains($0) ? $0 : nil } ?? 1
        }

        /// A SHORT or LONG field's values; nil when absent or unreadable.
        func values(_ tag: Int) -> [Int]? {
            for index in 0..<count {
                let entry = start + 12 * index
                guard reader.uint16(at: entry) == tag, let type = reader.uint16(at: entry + 2),
                    let number = reader.uint32(at: entry + 4)
                else { continue }
                let width = type == 3 ? 2 : type == 4 ? 4 : 0
                guard width > 0, number > 0, number * width <= reader.bytes.count else { return nil }
                // Values that fit in four bytes sit in the entry itself.
                guard let base = number * width <= 4 ? entry + 8 : reader.uint32(at: entry + 8) else { return nil }
                var values: [Int] = []
                for item in 0..<number {
                    guard let value = width == 2 ? reader.uint16(at: base + 2 * item) : reader.uint32(at: base + 4 * item) else { return nil }
                    values.append(value)
                }
                return values
            }
            return nil
        }
    }
}
