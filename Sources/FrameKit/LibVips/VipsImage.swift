internal import CVipsShim
import Foundation

/// The one owner of a `VipsImage*`: unrefs it exactly once.
///
/// libvips images are immutable after build, and lazy: pixels are computed when a sink (a save
/// or `avg`) pulls them. `keepAlive` holds the bytes a buffer loader reads from, because
/// `vips_*load_buffer` does not copy them (libvips notes) and every image derived from this one
/// inherits the reference.
final class VipsImage: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<CVipsShim.VipsImage>
    private let keepAlive: [AnyObject]
    /// Whether operations may read the pixels in any order: true once they were rendered into
    /// memory (and for anything derived from that); a sequentially opened file reads top to bottom.
    let readsInAnyOrder: Bool

    init(owning pointer: UnsafeMutablePointer<CVipsShim.VipsImage>, keepAlive: [AnyObject] = [], readsInAnyOrder: Bool = false) {
        self.pointer = pointer
        self.keepAlive = keepAlive
        self.readsInAnyOrder = readsInAnyOrder
    }

    deinit { g_object_unref(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    var bands: Int { Int(vips_image_get_bands(pointer)) }
    var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }
    var orientation: Int { Int(vips_image_get_orientation(pointer)) }
    var pageCount: Int { Int(vips_image_get_n_pages(pointer)) }
    var pageHeight: Int { Int(vips_image_get_page_height(pointer)) }
    var hasICCProfile: Bool { hasField("icc-profile-data") }
    var isInterlaced: Bool { integer("interlaced") ?? 0 != 0 }
    var isUChar: Bool { vips_image_get_format(pointer) == VIPS_FORMAT_UCHAR }

    func hasField(_ name: String) -> Bool { vips_image_get_typeof(pointer, name) != 0 }

    func integer(_ name: String) -> Int? {
        guard hasField(name) else { return nil }
        var value: Int32 = 0
        guard vips_image_get_int(pointer, name, &value) == 0 else {
            // Not an integer field: no value. libvips queued why; this failure owns that text.
            _ = LibVips.takeErrorText()
            return nil
        }
        return Int(value)
    }

    var bitsPerSample: Int {
        switch vips_image_get_format(pointer) {
        case VIPS_FORMAT_UCHAR, VIPS_FORMAT_CHAR: 8
        case VIPS_FORMAT_USHORT, VIPS_FORMAT_SHORT: 16
        case VIPS_FORMAT_UINT, VIPS_FORMAT_INT, VIPS_FORMAT_FLOAT: 32
        case VIPS_FORMAT_DOUBLE: 64
        default: 0
        }
    }

    var colourSpace: ColourSpace {
        switch vips_image_get_interpretation(pointer) {
        case VIPS_INTERPRETATION_sRGB, VIPS_INTERPRETATION_RGB: .srgb
        case VIPS_INTERPRETATION_RGB16: .srgb
        case VIPS_INTERPRETATION_B_W, VIPS_INTERPRETATION_GREY16: .grey
        case VIPS_INTERPRETATION_CMYK: .cmyk
        case VIPS_INTERPRETATION_LAB, VIPS_INTERPRETATION_LABQ, VIPS_INTERPRETATION_LABS: .lab
        case VIPS_INTERPRETATION_scRGB: .scrgb
        case VIPS_INTERPRETATION_MULTIBAND where bands == 4 || bands == 5: .cmyk
        default: .other
        }
    }

    /// The libvips image for one call: this owner (and so the image) stays alive until `body`
    /// returns, and the pointer is never kept past it.
    func withPointer<Result, Failure: Error>(
        _ body: (UnsafeMutablePointer<CVipsShim.VipsImage>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { withExtendedLifetime(self) {} }
        return try body(pointer)
    }

    /// The image for a libvips call that may keep a reference to its input after it returns:
    /// libvips 8.14's webpsave does when the pipeline fails under it (CVipsShimView.h says where
    /// and why). The call gets a view that is cut from this image when `body` returns, so what it
    /// keeps holds nothing of ours: the pipeline, down to the loader and its disc temporary
    /// (`vips-*.v` in TMPDIR, deleted when the loader goes), keeps one owner, this.
    func withLentView<Result>(
        _ body: (UnsafeMutablePointer<CVipsShim.VipsImage>) -> Result
    ) throws(FrameError) -> Result {
        try withPointer { pointer throws(FrameError) in
            guard let view = CVipsShim_view_new(pointer) else {
                throw FrameError(.processingFailed, LibVips.describe("cannot lend the image to libvips"))
            }
            defer {
                CVipsShim_view_detach(view)
                g_object_unref(view)
            }
            return body(view)
        }
    }

    /// Runs a libvips operation on this image that writes one output image, and owns the result.
    /// A failure is `processingFailed`, named by the operation; libvips' text rides along as a hint.
    func derive(
        _ operation: String,
        _ call: (UnsafeMutablePointer<CVipsShim.VipsImage>, UnsafeMutablePointer<UnsafeMutablePointer<CVipsShim.VipsImage>?>) -> Int32
    ) throws(FrameError) -> VipsImage {
        var out: UnsafeMutablePointer<CVipsShim.VipsImage>?
        let status = withPointer { call($0, &out) }
        guard status == 0, let out else {
            throw FrameError(.processingFailed, LibVips.describe("\(operation) failed"))
        }
        return VipsImage(owning: out, keepAlive: keepAlive, readsInAnyOrder: readsInAnyOrder)
    }
}
