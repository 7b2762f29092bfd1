/// What the header of one input says, as displayed (after EXIF orientation, one frame of an
/// animation). Built without decoding a pixel.
public struct ImageReport: Sendable, Hashable, Codable {
    /// The input's name for people: a path, "stdin", a URL, or a shortened data URI.
    public var source: String
    public var format: ImageFormat
    /// What the file extension or data-URI type claims, when it says anything.
    public var declaredType: String?
    /// Width and height as displayed: orientations 5–8 swap the stored sides.
    public var width: Int
    public var height: Int
    public var storedWidth: Int
    public var storedHeight: Int
    /// The input's size, and the size of its `data:` URI.
    public var bytes: Int
    public var payloadBytes: Int
    /// EXIF orientation, 1 … 8 (1 when absent).
    public var orientation: Int
    public var colourSpace: ColourSpace
    public var bitsPerSample: Int
    public var bands: Int
    public var hasAlpha: Bool
    public var pageCount: Int
    public var hasICCProfile: Bool
    /// Progressive JPEG or interlaced PNG: decoding holds the whole image in memory.
    public var isInterlaced: Bool
    /// False for formats we recognise but do not decode (SVG, PDF, JPEG 2000, JPEG XL).
    public var isDecodable: Bool

    public var pixelCount: Int { width * height }
    public var orientationSwapsSides: Bool { orientation >= 5 && orientation <= 8 }

    /// Whether the declared type names another format than the bytes are.
    public var declaredTypeDisagrees: Bool {
        guard let declaredType else { return false }
        guard let declared = ImageFormat(declared: declaredType) else { return true }
        return declared != format && !(declared == .heif && format == .avif)
    }
}
