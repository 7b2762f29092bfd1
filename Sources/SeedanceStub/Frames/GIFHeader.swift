/// GIF: the logical screen's size, which every frame of an animation shares.
enum GIFHeader {
    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        let reader = ByteReader(bytes: bytes, littleEndian: true)
        guard let width = reader.uint16(at: 6), let height = reader.uint16(at: 8) else {
            throw ImageHeaderError("gif: the file is cut off in its header")
        }
        return ImageHeader(format: "gif", storedWidth: width, storedHeight: height)
    }
}
