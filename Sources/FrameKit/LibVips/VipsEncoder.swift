internal import CVipsShim
import Foundation

/// Writes an image into bytes with our settings for each format (the caller removes the
/// metadata first: ``VipsImage/withoutMetadata()``).
///
/// The encoder streams into an unlinked temporary file, and the bytes are that file mapped into
/// memory: while libvips' pipeline is at its peak the output is not on the heap as well (a
/// memory buffer costs about the output's size on top of the pipeline, 10% of its memory for a
/// 27-megapixel JPEG). Where no temporary file can be made, it encodes into memory.
enum VipsEncoder {
    /// 4:2:0 at every quality: the video is 4:2:0 anyway, and `auto` turns subsampling off at
    /// Q >= 90, which doubles the size.
    static let jpegSubsampling = VIPS_FOREIGN_SUBSAMPLE_ON
    /// zlib level 6: libvips' default, most of level 9's gain for a fraction of the time.
    static let pngCompression: Int32 = 6
    /// Every output drops metadata libvips would otherwise copy (EXIF, XMP, ICC, …).
    static let strip: gboolean = 1

    /// `optimizeCoding` (JPEG only) saves a few percent of bytes but makes libjpeg hold every DCT
    /// coefficient of the image until the end (about 80 MB more peak for 6000×4500): keep it for
    /// the budget search. A failure is `processingFailed`: the save pulls the pixels, so the input
    /// may be to blame, which only the caller can tell (by probing the input).
    static func encode(_ image: VipsImage, as format: ImageFormat, quality: Int, optimizeCoding: Bool = false) throws(FrameError) -> Data {
        guard FixOptions.outputFormats.contains(format) else {
            throw FrameError(.processingFailed, "cannot write \(format.rawValue); choose jpeg, png or webp")
        }
        guard let file = TemporaryFile() else {
            return try encodeInMemory(image, as: format, quality: quality, optimizeCoding: optimizeCoding)
        }
        // A saver may keep its input after failing (libvips 8.14's webpsave does): it gets a lent view.
        let saved: Result<Void, FrameError> = try image.withLentView { image in
            guard let target = vips_target_new_to_descriptor(file.descriptor) else {
                return .failure(FrameError(.processingFailed, LibVips.describe("cannot open an output for the encoder")))
            }
            defer { g_object_unref(target) }
            let status =
                switch format {
                case .jpeg: CVipsShim_jpegsave_target(image, target, Int32(quality), optimizeCoding ? 1 : 0, strip, jpegSubsampling)
                case .png: CVipsShim_pngsave_target(image, target, pngCompression, strip)
                default: CVipsShim_webpsave_target(image, target, Int32(quality), 0, strip)
                }
            return status == 0 ? .success(()) : .failure(FrameError(.processingFailed, LibVips.describe("encoding \(format.rawValue) failed")))
        }
        try saved.get()
        guard let data = file.mapped() else {
            throw FrameError(
                .processingFailed, "encoding \(format.rawValue) failed: cannot read the encoded bytes back (\(String(cString: strerror(errno))))")
        }
        return data
    }

    private static func encodeInMemory(_ image: VipsImage, as format: ImageFormat, quality: Int, optimizeCoding: Bool) throws(FrameError) -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 = try image.withLentView { image in
            switch format {
            case .jpeg: CVipsShim_jpegsave_buffer(image, &buffer, &length, Int32(quality), optimizeCoding ? 1 : 0, strip, jpegSubsampling)
            case .png: CVipsShim_pngsave_buffer(image, &buffer, &length, pngCompression, strip)
            default: CVipsShim_webpsave_buffer(image, &buffer, &length, Int32(quality), 0, strip)
            }
        }
        guard status == 0, let buffer else {
            throw FrameError(.processingFailed, LibVips.describe("encoding \(format.rawValue) failed"))
        }
        return Data(bytesNoCopy: buffer, count: length, deallocator: .custom { pointer, _ in g_free(pointer) })
    }
}

/// A file with no name (unlinked at once), closed when this value goes; its bytes can outlive it
/// as a private mapping.
private final class TemporaryFile {
    let descriptor: Int32

    init?() {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/seedance-encode-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The whole file, mapped; the mapping stays valid after the file is closed.
    func mapped() -> Data? {
        let length = Int(lseek(descriptor, 0, SEEK_END))
        guard length > 0 else { return nil }
        // Private and writable: a caller that mutates its `Data` changes its own copy of a page,
        // never the file, and never faults.
        let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return Data(bytesNoCopy: address, count: length, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }
}
