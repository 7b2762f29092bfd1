internal import CVipsShim
import Foundation

/// Swift faces for the shim's forwards; each returns a new owned image.
extension VipsImage {
    func iccToSRGB(fallbackProfile: String?) throws(FrameError) -> VipsImage {
        try derive("icc_transform") { out in
            if let fallbackProfile {
                return CVipsShim_icc_to_srgb(pointer, out, fallbackProfile)
            }
            return CVipsShim_icc_to_srgb(pointer, out, nil)
        }
    }

    func colourspaceSRGB() throws(FrameError) -> VipsImage {
        try derive("colourspace") { CVipsShim_colourspace_srgb(pointer, $0) }
    }

    func castToUChar() throws(FrameError) -> VipsImage {
        try derive("cast") { CVipsShim_cast_uchar(pointer, $0) }
    }

    var isUChar: Bool { vips_image_get_format(pointer) == VIPS_FORMAT_UCHAR }

    func flatten(onto colour: RGBColour) throws(FrameError) -> VipsImage {
        try derive("flatten") {
            CVipsShim_flatten(pointer, $0, Double(colour.red), Double(colour.green), Double(colour.blue), 255)
        }
    }

    func premultiply() throws(FrameError) -> VipsImage {
        try derive("premultiply") { CVipsShim_premultiply(pointer, $0) }
    }

    func unpremultiply() throws(FrameError) -> VipsImage {
        try derive("unpremultiply") { CVipsShim_unpremultiply(pointer, $0) }
    }

    func resize(horizontal: Double, vertical: Double) throws(FrameError) -> VipsImage {
        try derive("resize") { CVipsShim_resize(pointer, $0, horizontal, vertical) }
    }

    func autorotate() throws(FrameError) -> VipsImage {
        try derive("autorot") { CVipsShim_autorot(pointer, $0) }
    }

    func extractArea(left: Int, top: Int, width: Int, height: Int) throws(FrameError) -> VipsImage {
        try derive("extract_area") { CVipsShim_extract_area(pointer, $0, Int32(left), Int32(top), Int32(width), Int32(height)) }
    }

    func extractBands(from band: Int, count: Int) throws(FrameError) -> VipsImage {
        try derive("extract_band") { CVipsShim_extract_bands(pointer, $0, Int32(band), Int32(count)) }
    }

    func smartCrop(width: Int, height: Int, strategy: FixOptions.CropStrategy) throws(FrameError) -> VipsImage {
        let mode: Int32 = switch strategy {
        case .centre: 0
        case .entropy: 1
        case .attention: 2
        }
        var left: Int32 = 0, top: Int32 = 0
        return try derive("smartcrop") { CVipsShim_smartcrop(pointer, $0, Int32(width), Int32(height), mode, &left, &top) }
    }

    func embed(x: Int, y: Int, width: Int, height: Int, background: [Double]) throws(FrameError) -> VipsImage {
        try derive("embed") { out in
            background.withUnsafeBufferPointer {
                CVipsShim_embed(pointer, out, Int32(x), Int32(y), Int32(width), Int32(height), $0.baseAddress, Int32($0.count))
            }
        }
    }

    func gaussianBlur(sigma: Double) throws(FrameError) -> VipsImage {
        try derive("gaussblur") { CVipsShim_gaussblur(pointer, $0, sigma) }
    }

    func inserting(_ sub: VipsImage, x: Int, y: Int) throws(FrameError) -> VipsImage {
        try derive("insert") { CVipsShim_insert(pointer, sub.pointer, $0, Int32(x), Int32(y)) }
    }

    func withoutMetadata() throws(FrameError) -> VipsImage {
        try derive("copy") { CVipsShim_copy_without_metadata(pointer, $0) }
    }

    /// Renders the whole image into memory: needed before operations that read out of order
    /// (rotate, smart crop) on a sequentially opened image, and before repeated encodes.
    func copiedToMemory() throws(FrameError) -> VipsImage {
        guard let copy = vips_image_copy_memory(pointer) else {
            throw FrameError(.corruptPixelData, "decoding failed: \(LibVips.takeErrorText())")
        }
        return VipsImage(owning: copy)
    }

    /// Pulls every pixel: the cheapest way to prove the pixel data decodes.
    func average() throws(FrameError) -> Double {
        var value = 0.0
        guard CVipsShim_avg(pointer, &value) == 0 else {
            throw FrameError(.corruptPixelData, "the pixel data is truncated or corrupt: \(LibVips.takeErrorText())")
        }
        return value
    }

    /// Encodes into a libvips buffer handed to `Data` without a copy. `optimizeCoding` (JPEG only)
    /// saves a few percent of bytes but buffers the whole image's coefficients: keep it for the
    /// budget search.
    func encoded(as format: ImageFormat, quality: Int, optimizeCoding: Bool = false) throws(FrameError) -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 = switch format {
        case .jpeg: CVipsShim_jpegsave_buffer(pointer, &buffer, &length, Int32(quality), optimizeCoding ? 1 : 0)
        case .png: CVipsShim_pngsave_buffer(pointer, &buffer, &length, 6)
        case .webp: CVipsShim_webpsave_buffer(pointer, &buffer, &length, Int32(quality), 0)
        default: -2
        }
        if status == -2 {
            throw FrameError(.processingFailed, "cannot write \(format.rawValue); choose jpeg, png or webp")
        }
        guard status == 0, let buffer else {
            let detail = LibVips.takeErrorText()
            let kind: FrameError.Kind = ["load", "truncat", "premature", "read error", "corrupt"].contains(where: detail.lowercased().contains)
                ? .corruptPixelData : .processingFailed
            throw FrameError(kind, "encoding \(format.rawValue) failed: \(detail)")
        }
        return Data(bytesNoCopy: buffer, count: length, deallocator: .custom { pointer, _ in CVipsShim_free(pointer) })
    }
}

extension VipsImage {
    /// One pixel's band values; used by tests to prove what a fix did to the picture.
    func pixel(x: Int, y: Int) throws(FrameError) -> [Double] {
        var values = [Double](repeating: 0, count: 8)
        let count = values.withUnsafeMutableBufferPointer { CVipsShim_getpoint(pointer, Int32(x), Int32(y), $0.baseAddress, 8) }
        guard count > 0 else { throw FrameError(.processingFailed, "getpoint failed: \(LibVips.takeErrorText())") }
        return Array(values.prefix(Int(count)))
    }

    /// Opens encoded bytes for reading pixels at random.
    static func decode(_ data: Data) throws(FrameError) -> VipsImage {
        let input = try LoadedInput.load(.bytes(data, name: "bytes"), maxBytes: .max)
        guard let format = FormatSniffer.format(of: input.head) else { throw FrameError(.notAnImage, "not an image") }
        return try FrameLoader.open(input, format: format, sequential: false, failOnTruncated: true)
    }
}
