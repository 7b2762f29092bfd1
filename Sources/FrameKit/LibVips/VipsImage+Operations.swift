internal import CVipsShim
import Foundation

/// Swift faces for the shim's forwards, with every libvips setting chosen here; each returns a
/// new owned image.
extension VipsImage {
    /// Through the embedded profile (or `fallbackProfile`, a libvips built-in name such as
    /// "cmyk"), perceptual intent, to 8-bit sRGB: with the default relative intent libvips
    /// silently refuses a perceptual-only profile (libvips notes).
    func iccToSRGB(fallbackProfile: String?) throws(FrameError) -> VipsImage {
        try derive("icc_transform") { input, out in
            CVipsShim_icc_transform(input, out, "srgb", fallbackProfile, 1, VIPS_INTENT_PERCEPTUAL, 8)
        }
    }

    func colourspaceSRGB() throws(FrameError) -> VipsImage {
        try derive("colourspace") { CVipsShim_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
    }

    func castToUChar() throws(FrameError) -> VipsImage {
        try derive("cast") { CVipsShim_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }

    /// Onto an 8-bit colour; the image is 8-bit by then (colour conversion comes first).
    func flatten(onto colour: RGBColour) throws(FrameError) -> VipsImage {
        let background = [Double(colour.red), Double(colour.green), Double(colour.blue)]
        return try derive("flatten") { input, out in
            background.withUnsafeBufferPointer { CVipsShim_flatten(input, out, $0.baseAddress, Int32($0.count), 255) }
        }
    }

    func premultiply() throws(FrameError) -> VipsImage {
        try derive("premultiply") { CVipsShim_premultiply($0, $1) }
    }

    func unpremultiply() throws(FrameError) -> VipsImage {
        try derive("unpremultiply") { CVipsShim_unpremultiply($0, $1) }
    }

    /// Lanczos 3, libvips' default for vips_resize and vipsthumbnail's.
    func resize(horizontal: Double, vertical: Double) throws(FrameError) -> VipsImage {
        try derive("resize") { CVipsShim_resize($0, $1, horizontal, vertical, VIPS_KERNEL_LANCZOS3) }
    }

    func autorotate() throws(FrameError) -> VipsImage {
        try derive("autorot") { CVipsShim_autorot($0, $1) }
    }

    func extractArea(left: Int, top: Int, width: Int, height: Int) throws(FrameError) -> VipsImage {
        try derive("extract_area") { CVipsShim_extract_area($0, $1, Int32(left), Int32(top), Int32(width), Int32(height)) }
    }

    /// The crop, and where libvips put it: smartcrop's output carries the offset it chose as
    /// its negated `xoffset`/`yoffset` (libvips' documented way to find the crop's location).
    func smartCrop(width: Int, height: Int, strategy: FixOptions.CropStrategy) throws(FrameError) -> (image: VipsImage, left: Int, top: Int) {
        let interesting =
            switch strategy {
            case .centre: VIPS_INTERESTING_CENTRE
            case .entropy: VIPS_INTERESTING_ENTROPY
            case .attention: VIPS_INTERESTING_ATTENTION
            }
        let cropped = try derive("smartcrop") { CVipsShim_smartcrop($0, $1, Int32(width), Int32(height), interesting) }
        let offset = cropped.withPointer { (x: vips_image_get_xoffset($0), y: vips_image_get_yoffset($0)) }
        return (cropped, -Int(offset.x), -Int(offset.y))
    }

    func embed(x: Int, y: Int, width: Int, height: Int, background: [Double]) throws(FrameError) -> VipsImage {
        try derive("embed") { input, out in
            background.withUnsafeBufferPointer {
                CVipsShim_embed(
                    input, out, Int32(x), Int32(y), Int32(width), Int32(height), VIPS_EXTEND_BACKGROUND,
                    $0.baseAddress, Int32($0.count))
            }
        }
    }

    func gaussianBlur(sigma: Double) throws(FrameError) -> VipsImage {
        try derive("gaussblur") { CVipsShim_gaussblur($0, $1, sigma) }
    }

    func inserting(_ sub: VipsImage, x: Int, y: Int) throws(FrameError) -> VipsImage {
        try derive("insert") { input, out in
            sub.withPointer { CVipsShim_insert(input, $0, out, Int32(x), Int32(y)) }
        }
    }

    /// Metadata an output never carries: WebP's `strip` keeps EXIF in 8.14, so orientation 6
    /// would survive a save, and an animation's page fields would describe pages we dropped.
    static let strippedFields = [
        "exif-data", "xmp-data", "iptc-data", "orientation",
        "n-pages", "page-height", "delay", "loop", "gif-delay", "gif-loop", "gif-palette",
    ]

    func withoutMetadata() throws(FrameError) -> VipsImage {
        let copy = try derive("copy") { CVipsShim_copy($0, $1) }
        copy.withPointer { copied in
            for field in Self.strippedFields { _ = vips_image_remove(copied, field) }
        }
        return copy
    }

    /// Renders the whole image into memory: needed before operations that read out of order
    /// (rotate, smart crop, blurred pad) on a sequentially opened image, and before repeated
    /// encodes. It is a sink: a failure here may be the input's pixels or the processing, which
    /// the caller tells apart (``FrameFixer``).
    func copiedToMemory() throws(FrameError) -> VipsImage {
        guard let copy = withPointer({ vips_image_copy_memory($0) }) else {
            throw FrameError(.processingFailed, LibVips.describe("rendering into memory failed"))
        }
        return VipsImage(owning: copy, readsInAnyOrder: true)
    }

    /// Pulls every pixel: the cheapest way to prove the pixel data decodes. What a failure means
    /// is the caller's to say (``VipsLoader/probePixelData(_:format:)``).
    func average() throws(FrameError) -> Double {
        var value = 0.0
        guard withPointer({ CVipsShim_avg($0, &value) }) == 0 else {
            throw FrameError(.processingFailed, LibVips.describe("avg failed"))
        }
        return value
    }
}
