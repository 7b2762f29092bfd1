public import Foundation

/// A preview picture in memory (8-bit sRGB, opaque) and what was drawn on it, in its own pixels,
/// so a caller can place it or encode it.
public struct PreviewImage: Sendable {
    let image: VipsImage
    /// The kept region's outline (a crop): the coloured ring's outer edge lies on this rectangle.
    /// nil when nothing was cropped.
    public let outline: PixelRect?
    /// For a pad: where the original's picture lies; the rest is added area, shaded.
    public let picture: PixelRect?

    init(image: VipsImage, outline: PixelRect? = nil, picture: PixelRect? = nil) {
        self.image = image
        self.outline = outline
        self.picture = picture
    }

    public var width: Int { image.width }
    public var height: Int { image.height }

    public func png() throws(FrameError) -> Data {
        try VipsEncoder.encode(image, as: .png, quality: 100)
    }

    public func jpeg(quality: Int = 85) throws(FrameError) -> Data {
        try VipsEncoder.encode(image, as: .jpeg, quality: quality)
    }
}
