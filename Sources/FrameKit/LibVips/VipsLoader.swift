internal import CVipsShim
import Foundation

/// Opens an input with the loader its bytes call for (never libvips' own guess), keeping
/// in-memory bytes (``InputBytes``) alive for as long as any image derived from them.
enum VipsLoader {
    /// Opens `input` as `format`: header only until a sink pulls pixels. `sequential` reads top to
    /// bottom (streaming); `failOnTruncated` turns truncated pixel data into an error instead of
    /// grey rows; `shrink` (JPEG 2, 4, 8; WebP any) decodes at 1/shrink size. A failure here is
    /// the header's: the input is not the image its first bytes claim.
    static func open(
        _ input: LoadedInput, format: ImageFormat, sequential: Bool, failOnTruncated: Bool, shrink: Int = 1
    ) throws(FrameError) -> VipsImage {
        try LibVips.ensureStarted()
        guard let loader = loader(for: format) else {
            throw FrameError(.unsupportedFormat, "\(format.rawValue) is not decoded here", source: input.name)
        }
        let access = sequential ? VIPS_ACCESS_SEQUENTIAL : VIPS_ACCESS_RANDOM
        let failOn = failOnTruncated ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_NONE
        let shrink = max(1, shrink)
        var out: UnsafeMutablePointer<CVipsShim.VipsImage>?
        let status: Int32
        var keepAlive: [AnyObject] = []
        switch input.storage {
        case .file(let path):
            status = CVipsShim_load_file(loader, path, access, failOn, Int32(shrink), 1 / Double(shrink), &out)
        case .memory(let bytes):
            // The loader reads these bytes for as long as the image (or any derived from it) lives.
            keepAlive.append(bytes)
            status = CVipsShim_load_buffer(loader, bytes.address, bytes.count, access, failOn, Int32(shrink), 1 / Double(shrink), &out)
        }
        guard status == 0, let out else {
            let detail = LibVips.takeErrorText()
            throw FrameError(
                .notAnImage, "corrupt or unreadable \(format.rawValue) header: \(detail.isEmpty ? "libvips could not read it" : detail)",
                source: input.name)
        }
        return VipsImage(owning: out, keepAlive: keepAlive, readsInAnyOrder: !sequential)
    }

    /// A header can be intact over truncated pixels: decode the input alone (JPEG at 1/8, which
    /// still reads every entropy-coded byte) and say whether its pixel data is whole. This is the
    /// one call whose failure means the input's pixels are to blame.
    static func probePixelData(_ input: LoadedInput, format: ImageFormat) throws(FrameError) {
        do {
            let image = try open(input, format: format, sequential: true, failOnTruncated: true, shrink: format == .jpeg ? 8 : 1)
            _ = try image.average()
        } catch {
            throw FrameError(.corruptPixelData, "the pixel data is truncated or corrupt: \(error.message)", source: input.name)
        }
    }

    private static func loader(for format: ImageFormat) -> CVipsShimLoader? {
        switch format {
        case .jpeg: CVipsShimLoaderJPEG
        case .png: CVipsShimLoaderPNG
        case .webp: CVipsShimLoaderWebP
        case .tiff: CVipsShimLoaderTIFF
        case .gif: CVipsShimLoaderGIF
        case .heif, .avif: CVipsShimLoaderHEIF
        case .bmp: CVipsShimLoaderMagick
        case .svg, .pdf, .jpeg2000, .jpegXL: nil
        }
    }
}
