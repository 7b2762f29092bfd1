/// The API's rules for a frame, as a value: an upstream change is a one-line change here or one
/// option on the command line. Bounds are exclusive, the safe reading where sources disagree
/// (see docs/api-contract.md).
public struct Policy: Sendable, Hashable, Codable {
    /// Formats the API accepts.
    public var acceptedFormats: Set<ImageFormat>
    /// Each side must be strictly greater than this.
    public var sideAbove: Int
    /// Each side must be strictly less than this.
    public var sideBelow: Int
    /// Width/height must be strictly greater than this.
    public var aspectAbove: AspectRatio
    /// Width/height must be strictly less than this.
    public var aspectBelow: AspectRatio
    /// The file must be strictly smaller than this many bytes.
    public var fileBytesBelow: Int
    /// The `data:` URI text must be strictly shorter than this many bytes.
    public var payloadBytesBelow: Int
    /// Safety, not the API: a larger declared frame is refused before any pixel is decoded.
    public var maxPixels: Int
    /// Safety: the most bytes read from stdin, a URL or a data URI.
    public var maxInputBytes: Int

    public init(
        acceptedFormats: Set<ImageFormat> = [.jpeg, .png, .webp, .bmp, .tiff, .gif],
        sideAbove: Int = 300,
        sideBelow: Int = 6000,
        aspectAbove: AspectRatio = AspectRatio(width: 2, height: 5),
        aspectBelow: AspectRatio = AspectRatio(width: 5, height: 2),
        fileBytesBelow: Int = 30_000_000,
        payloadBytesBelow: Int = 30_000_000,
        maxPixels: Int = 400_000_000,
        maxInputBytes: Int = 256 * 1024 * 1024
    ) {
        self.acceptedFormats = acceptedFormats
        self.sideAbove = sideAbove
        self.sideBelow = sideBelow
        self.aspectAbove = aspectAbove
        self.aspectBelow = aspectBelow
        self.fileBytesBelow = fileBytesBelow
        self.payloadBytesBelow = payloadBytesBelow
        self.maxPixels = maxPixels
        self.maxInputBytes = maxInputBytes
    }

    /// Seedance 1.5 Pro image-to-video on novita.ai.
    public static let seedance = Policy()

    /// The smallest and largest side a compliant frame can have.
    public var sideRange: ClosedRange<Int> { (sideAbove + 1)...(sideBelow - 1) }

    public func acceptsSide(_ side: Int) -> Bool { sideRange.contains(side) }

    public func acceptsAspect(width: Int, height: Int) -> Bool {
        aspectAbove.isBelow(width: width, height: height) && aspectBelow.isAbove(width: width, height: height)
    }

    /// The size of the `data:image/<fmt>;base64,` URI for a file of `bytes` bytes.
    public static func payloadBytes(forFileBytes bytes: Int, format: ImageFormat) -> Int {
        "data:image/\(format.mediaSubtype);base64,".utf8.count + 4 * ((bytes + 2) / 3)
    }

    public func acceptsBytes(_ bytes: Int, format: ImageFormat) -> Bool {
        bytes < fileBytesBelow && Self.payloadBytes(forFileBytes: bytes, format: format) < payloadBytesBelow
    }
}
