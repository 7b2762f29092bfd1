/// What the frame as sent keeps of the original, and where the original's picture lies in it: the
/// facts a preview draws (the kept region outlined on the original, a pad's added area shaded).
///
/// Recorded while the plan runs, from the sizes and offsets libvips actually used (a smart crop's
/// offset is the one libvips chose), and mapped back to the original's displayed pixels: after
/// EXIF orientation, at full size even when the picture was decoded smaller (shrink-on-load).
public struct FrameGeometry: Sendable, Hashable, Codable {
    /// The original as displayed (after EXIF orientation; one page), in its own pixels.
    public private(set) var sourceWidth: Int
    public private(set) var sourceHeight: Int
    /// The part of the original that is sent, in the original's displayed pixels: the whole
    /// picture unless a crop dropped some of it.
    public private(set) var keptRegion: PixelRect
    /// The frame as sent.
    public private(set) var outputWidth: Int
    public private(set) var outputHeight: Int
    /// Where ``keptRegion`` lies in the frame as sent; the whole frame unless a pad added area.
    private var picture: PixelRect

    /// Nothing dropped, nothing added, the original's size: a pass-through.
    public init(sourceWidth: Int, sourceHeight: Int) {
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        keptRegion = PixelRect(width: sourceWidth, height: sourceHeight)
        outputWidth = sourceWidth
        outputHeight = sourceHeight
        picture = keptRegion
    }

    /// For a pad: where the original's picture lies in the frame as sent (its pixels); the rest
    /// of the frame is added area. nil when nothing was added.
    public var placement: PixelRect? {
        picture == PixelRect(width: outputWidth, height: outputHeight) ? nil : picture
    }

    public var isCropped: Bool { keptRegion != PixelRect(width: sourceWidth, height: sourceHeight) }
    public var isPadded: Bool { placement != nil }

    /// A crop to `rect` of the current frame, seen at `width`×`height` (the working image's size,
    /// which a shrink-on-load makes smaller than the original).
    public mutating func recordCrop(_ rect: PixelRect, ofWidth width: Int, height: Int) {
        let shown = picture.scaled(from: outputWidth, outputHeight, to: width, height)
        let visible = shown.intersection(rect)
        if shown.width > 0, shown.height > 0 {
            keptRegion = visible.offsetBy(-shown.x, -shown.y)
                .scaled(from: shown.width, shown.height, to: keptRegion.width, keptRegion.height)
                .offsetBy(keptRegion.x, keptRegion.y)
        }
        picture = visible.offsetBy(-rect.x, -rect.y)
        outputWidth = rect.width
        outputHeight = rect.height
    }

    /// A pad: the current frame placed at `rect` (its position and its working size) on a
    /// `canvasWidth`×`canvasHeight` canvas.
    public mutating func recordPad(placing rect: PixelRect, canvasWidth: Int, canvasHeight: Int) {
        picture = picture.scaled(from: outputWidth, outputHeight, to: rect.width, rect.height).offsetBy(rect.x, rect.y)
        outputWidth = canvasWidth
        outputHeight = canvasHeight
    }

    /// A resize of the whole frame (the plan's, or one the byte budget added).
    public mutating func recordResize(toWidth width: Int, height: Int) {
        picture = picture.scaled(from: outputWidth, outputHeight, to: width, height)
        outputWidth = width
        outputHeight = height
    }
}
