/// Reads a frame's header by its magic bytes, whatever the file is called, and refuses files
/// that stop before their format says they end (a cut-off upload decodes to grey).
enum ImageHeaderReader {
    /// The accepted format the bytes start like, or nil.
    static func format(of bytes: [UInt8]) -> String? {
        let reader = ByteReader(bytes: bytes)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if bytes.starts(with: PNGHeader.signature) { return "png" }
        if reader.matches("GIF87a", at: 0) || reader.matches("GIF89a", at: 0) { return "gif" }
        if reader.matches("RIFF", at: 0), reader.matches("WEBP", at: 8) { return "webp" }
        if reader.matches("BM", at: 0) { return "bmp" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "tiff" }
        return nil
    }

    static func read(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        switch format(of: bytes) {
        case "jpeg": try JPEGHeader.read(bytes)
        case "png": try PNGHeader.read(bytes)
        case "gif": try GIFHeader.read(bytes)
        case "webp": try WebPHeader.read(bytes)
        case "bmp": try BMPHeader.read(bytes)
        case "tiff": try TIFFHeader.read(bytes)
        default: throw ImageHeaderError("the bytes are not jpeg, png, webp, bmp, tiff or gif")
        }
    }
}
