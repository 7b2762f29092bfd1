public import FrameKit

/// Thumbnails drawn by FrameKit's `FramePreview`, as `seedance preview` draws its sheet: the
/// original with a crop's kept region outlined (what is dropped washed out), or placed as the
/// sent frame places it with a pad's added area shaded; the sent frame as it is. JPEG files.
public struct PreviewThumbnailer: ReportThumbnailer {
    public var preview: FramePreview
    public var quality: Int

    /// - Parameter policy: the frame rules the batch uses (their pixel limit guards decoding here too).
    public init(policy: Policy = .seedance, style: PreviewStyle = PreviewStyle(), quality: Int = 82) {
        preview = FramePreview(policy: policy, style: style)
        self.quality = quality
    }

    public func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail {
        let image =
            if let frame {
                try preview.annotatedOriginal(of: input, geometry: frame.geometry, maxSide: side)
            } else {
                try preview.thumbnail(of: input, maxWidth: side, maxHeight: side)
            }
        return try encoded(image)
    }

    public func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail {
        try encoded(preview.thumbnail(of: frame.bytes, maxSide: side))
    }

    private func encoded(_ image: PreviewImage) throws -> ReportThumbnail {
        ReportThumbnail(bytes: try image.jpeg(quality: quality), format: .jpeg, width: image.width, height: image.height)
    }
}
