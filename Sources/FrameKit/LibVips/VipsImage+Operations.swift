internal import CVipsShim
import Foundation

/// Swift faces for the shim's forwards, with every libvips setting chosen here; each returns a
/// new owned image.
extension VipsImage {
    /// Through the embedded profile (or `fallbackProfile`, a libvips built-in name such as
    /// "cmyk"), perceptual intent, to 8-bit sRGB: with the default relative intent libvips
    /// silently refuses a perceptual-only profile (libvips notes).
    func iccToSRGB(fallbackProfile: String?) throws(FrameError) -> VipsImage {
        try derive("icc_transform") { out in
            CVipsShim_icc_transform(pointer, out, "srgb", fallbackProfile, 1, VIPS_INTENT_PERCEPTUAL, 8)
        }
    }

    func colourspaceSRGB() throws(FrameError) -> VipsImage {
        try derive("colourspace") { CVipsShim_colourspace(pointer, $0, VIPS_INTERPRETATION_sRGB) }
    }

    func castToUChar() throws(FrameError) -> VipsImage {
        try derive("cast") { CVipsShim_cast(pointer, $0, VIPS_FORMAT_UCHAR) }
    }

    /// Onto an 8-bit colour; the image is 8-bit by then (colour conversion comes first).
    func flatten(onto colour: RGBColour) throws(FrameError) -> VipsImage {
        let background = [Double(colour.red), Double(colour.green), Double(colour.blue)]
        return try derive("flatten") { out in
            background.withUnsafeBufferPointer { CVipsShim_flatten(pointer, out, $0.baseAddress, Int32($0.count), 255) }
        }
    }

    func premultiply() throws(FrameError) -> VipsImage {
        try derive("premultiply") { CVipsShim_premultiply(pointer, $0) }
    }

    func unpremultiply() throws(FrameError) -> VipsImage {
        try derive("unpremultiply") { CVipsShim_unpremultiply(pointer, $0) }
    }

    /// Lanczos 3, libvips' default for vips_resize and vipsthumbnail's.
    func resize(horizontal: Double, vertical: Double) throws(FrameError) -> VipsImage {
        try derive("resize") { CVipsShim_resize(pointer, $0, horizontal, vertical, VIPS_KERNEL_LANCZOS3) }
    }

    func autorotate() throws(FrameError) -> VipsImage {
        try derive("autorot") { CVipsShim_autorot(pointer, $0) }
    }

    func extractArea(left: Int, top: Int, width: Int, height: Int) throws(FrameError) -> VipsImage {
        try derive("extract_area") { CVipsShim_extract_area(pointer, $0, Int32(left), Int32(top), Int32(width), Int32(height)) }
    }

    /// The crop, and where libvips put it: smartcrop's output carries the offset it chose as
    /// its negated `xoffset`/`yoffset` (libvips' documented way to find the crop's location).
    func smartCrop(width: Int, height: Int, strategy: FixOptions.CropStrategy) throws(FrameError) -> (image: VipsImage, left: Int, top: Int) {
        let interesting = switch strategy {
        case .centre: VIPS_INTERESTING_CENTRE
        case .entropy: VIPS_INTERESTING_ENTROPY
        case .attention: VIPS_INTERESTING_ATTENTION
        }
        let cropped = try derive("smartcrop") { CVipsShim_smartcrop(pointer, $0, Int32(width), Int32(height), interesting) }
        return (cropped, -Int(vips_image_get_xoffset(cropped.pointer)), -Int(vips_image_get_yoffset(cropped.pointer)))
    }

    func embed(x: Int, y: Int, width: Int, height: Int, background: [Double]) throws(FrameError) -> VipsImage {
        try derive("embed") { out in
            background.withUnsafeBufferPointer {
                CVipsShim_embed(pointer, out, Int32(x), Int32(y), Int32(width), Int32(height), VIPS_EXTEND_BACKGROUND,
                                $0.baseAddress, Int32($0.count))
            }
        }
    }

    func gaussianBlur(sigma: Double) throws(FrameError) -> VipsImage {
        try derive("gaussblur") { CVipsShim_gaussblur(pointer, $0, sigma) }
    }

    func inserting(_ sub: VipsImage, x: Int, y: Int) throws(FrameError) -> VipsImage {
        try derive("insert") { CVipsShim_insert(pointer, sub.pointer, $0, Int32(x), Int32(y)) }
    }

    /// Metadata an output never carries: WebP's `strip` keeps EXIF in 8.14, so orientation 6
    /// would survive a save, and an animation's page fields would describe pages we dropped.
    static let strippedFields = ["exif-data", "xmp-data", "iptc-data", "orientation",
                                 "n-pages", "page-height", "delay", "loop", "gif-delay", "gif-loop", "gif-palette"]

    func withoutMetadata() throws(FrameError) -> VipsImage {
        let copy = try derive("copy") { CVipsShim_copy(pointer, $0) }
        for field in Self.strippedFields { _ = vips_image_remove(copy.pointer, field) }
        return copy
    }

    /// Renders the whole image into memory: needed before operations that read out of order
    /// (rotate, smart crop, blurred pad) on a sequentially opened image, and before repeated
    /// encodes. It is a sink: a failure here may be the input's pixels or the processing, which
    /// the caller tells apart (``FrameFixer``).
    func copiedToMemory() throws(FrameError) -> VipsImage {
        guard let copy = vips_image_copy_memory(pointer) else {
            throw FrameError(.processingFailed, LibVips.describe("rendering into memory failed"))
        }
        return VipsImage(owning: copy, readsInAnyOrder: true)
    }

    /// Pulls every pixel: the cheapest way to prove the pixel data decodes.
    func average() throws(FrameError) -> Double {
        var value = 0.0
        guard CVipsShim_avg(pointer, &value) == 0 else {
            throw FrameError(.corruptPixelData, LibVips.describe("the pixel data is truncated or corrupt"))
        }
        return value
    }
}

extension VipsImage {
    /// One pixel's band values; used by tests to prove what a fix did to the picture.
    func pixel(x: Int, y: Int) throws(FrameError) -> [Double] {
        var vector: UnsafeMutablePointer<Double>?
        var count: Int32 = 0
        guard CVipsShim_getpoint(pointer, &vector, &count, Int32(x), Int32(y)) == 0, let vector else {
            throw FrameError(.processingFailed, LibVips.describe("getpoint failed"))
        }
        defer { g_free(vector) }
        return Array(UnsafeBufferPointer(start: vector, count: Int(count)))
    }

    /// Opens encoded bytes for reading pixels at random.
    static func decode(_ data: Data) throws(FrameError) -> VipsImage {
        let input = try LoadedInput.load(.bytes(data, name: "bytes"), maxBytes: .max)
        guard let format = FormatSniffer.format(of: input.head) else { throw FrameError(.notAnImage, "not an image") }
        return try VipsLoader.open(input, format: format, sequential: false, failOnTruncated: true)
    }
}
