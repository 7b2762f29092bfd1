internal import CVipsShim
import Foundation

/// Drawing, text and joins for previews. Draw operations paint in place, so they only ever run on
/// a canvas made for the purpose (``drawableCopy()``), never on an image another one derives from.
extension VipsImage {
    /// A new 8-bit canvas filled with `colour`.
    static func canvas(width: Int, height: Int, colour: RGBColour) throws(FrameError) -> VipsImage {
        try LibVips.ensureStarted()
        var out: UnsafeMutablePointer<CVipsShim.VipsImage>?
        guard CVipsShim_black(&out, Int32(width), Int32(height), 3) == 0, let out else {
            throw FrameError(.processingFailed, LibVips.describe("black failed"))
        }
        // vips_black makes 8-bit bands: the canvas is 8-bit sRGB like every preview picture.
        let canvas = try VipsImage(owning: out).drawableCopy()
        try canvas.fill(PixelRect(width: width, height: height), colour)
        return canvas
    }

    /// A private copy in memory that draw operations may paint on.
    func drawableCopy() throws(FrameError) -> VipsImage {
        guard let memory = vips_image_new_memory() else {
            throw FrameError(.processingFailed, LibVips.describe("cannot make a memory image"))
        }
        let copy = VipsImage(owning: memory, keepAlive: [], readsInAnyOrder: true)
        guard withPointer({ vips_image_write($0, memory) }) == 0 else {
            throw FrameError(.processingFailed, LibVips.describe("rendering a preview failed"))
        }
        return copy
    }

    /// A one-band mask of `markup` (Pango markup), wrapped at `width` pixels.
    static func text(_ markup: String, font: String, width: Int, dpi: Int) throws(FrameError) -> VipsImage {
        try LibVips.ensureStarted()
        var out: UnsafeMutablePointer<CVipsShim.VipsImage>?
        guard CVipsShim_text(&out, markup, font, Int32(width), Int32(dpi)) == 0, let out else {
            throw FrameError(.processingFailed, LibVips.describe("text failed"))
        }
        return VipsImage(owning: out)
    }

    private static func ink(_ colour: RGBColour) -> [Double] {
        [Double(colour.red), Double(colour.green), Double(colour.blue)]
    }

    func fill(_ rect: PixelRect, _ colour: RGBColour) throws(FrameError) {
        try drawRect(rect, colour, fill: true)
    }

    /// A one-pixel outline along `rect`'s edge pixels (clipped to the image).
    func strokeRect(_ rect: PixelRect, _ colour: RGBColour) throws(FrameError) {
        try drawRect(rect, colour, fill: false)
    }

    private func drawRect(_ rect: PixelRect, _ colour: RGBColour, fill: Bool) throws(FrameError) {
        guard rect.width > 0, rect.height > 0 else { return }
        let status = withPointer { image in
            Self.ink(colour).withUnsafeBufferPointer {
                CVipsShim_draw_rect(
                    image, $0.baseAddress, Int32($0.count), Int32(rect.x), Int32(rect.y),
                    Int32(rect.width), Int32(rect.height), fill ? 1 : 0)
            }
        }
        guard status == 0 else { throw FrameError(.processingFailed, LibVips.describe("draw_rect failed")) }
    }

    func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), _ colour: RGBColour) throws(FrameError) {
        let status = withPointer { image in
            Self.ink(colour).withUnsafeBufferPointer {
                CVipsShim_draw_line(image, $0.baseAddress, Int32($0.count), Int32(start.x), Int32(start.y), Int32(end.x), Int32(end.y))
            }
        }
        guard status == 0 else { throw FrameError(.processingFailed, LibVips.describe("draw_line failed")) }
    }

    /// Paints `colour` through a one-band `mask` (text) with its top-left at (`x`, `y`).
    func drawMask(_ mask: VipsImage, x: Int, y: Int, _ colour: RGBColour) throws(FrameError) {
        let status = withPointer { image in
            mask.withPointer { maskImage in
                Self.ink(colour).withUnsafeBufferPointer {
                    CVipsShim_draw_mask(image, $0.baseAddress, Int32($0.count), maskImage, Int32(x), Int32(y))
                }
            }
        }
        guard status == 0 else { throw FrameError(.processingFailed, LibVips.describe("draw_mask failed")) }
    }

    /// Each pixel moved `amount` of the way to white.
    func washedOut(_ amount: Double) throws(FrameError) -> VipsImage {
        try derive("linear") { CVipsShim_linear1($0, $1, 1 - amount, 255 * amount, 1) }
    }

    /// `images` in a grid, `across` to a row; every cell the size of the largest.
    static func arrayJoin(_ images: [VipsImage], across: Int, background: RGBColour) throws(FrameError) -> VipsImage {
        guard let first = images.first else { throw FrameError(.processingFailed, "internal error: nothing to join") }
        // Every image stays alive until the join holds its own references (the deferred use).
        defer { withExtendedLifetime(images) {} }
        var pointers: [UnsafeMutablePointer<CVipsShim.VipsImage>?] = images.map { $0.withPointer { $0 } }
        let ink = Self.ink(background)
        return try first.derive("arrayjoin") { _, out in
            ink.withUnsafeBufferPointer { bg in
                pointers.withUnsafeMutableBufferPointer {
                    CVipsShim_arrayjoin($0.baseAddress, out, Int32($0.count), Int32(across), bg.baseAddress, Int32(bg.count))
                }
            }
        }
    }

    /// `below` under this image, the narrower one widened with `background` (left-aligned).
    func joined(above below: VipsImage, background: RGBColour) throws(FrameError) -> VipsImage {
        try joined(above: below, ink: Self.ink(background))
    }

    /// The same for images of any band count: `ink` has one value per band.
    func joined(above below: VipsImage, ink: [Double]) throws(FrameError) -> VipsImage {
        try derive("join") { input, out in
            below.withPointer { second in
                ink.withUnsafeBufferPointer {
                    CVipsShim_join(input, second, out, VIPS_DIRECTION_VERTICAL, 1, $0.baseAddress, Int32($0.count))
                }
            }
        }
    }
}
