/// What the stand-in reads from a frame's header with its own parsers, independently of the
/// client's image code: the format the bytes are in, the stored size, and the EXIF orientation.
struct ImageHeader: Sendable, Hashable {
    /// The `<fmt>` of a data URI: `jpeg`, `png`, `webp`, `bmp`, `tiff` or `gif`.
    var format: String
    var storedWidth: Int
    var storedHeight: Int
    /// EXIF orientation 1…8; 1 when the file has none.
    var orientation = 1

    /// The size as displayed: orientations 5–8 turn the picture a quarter, swapping the sides.
    var width: Int { (5...8).contains(orientation) ? storedHeight : storedWidth }
    var height: Int { (5...8).contains(orientation) ? storedWidth : storedHeight }
}

/// Why a header could not be read.
struct ImageHeaderError: Error, Sendable, Hashable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
