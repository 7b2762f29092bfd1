public import FrameKit

/// Thumbnails without marks, through FrameKit's own fixer: every frame scaled to fit the box
/// and encoded as JPEG (alpha flattened onto white).
public struct PlainThumbnailer: ReportThumbnailer {
    public var quality: Int

    public init(quality: Int = 80) {
        self.quality = quality
    }

    public func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail {
        try thumbnail(of: input, side: side)
    }

    public func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail {
        try thumbnail(of: .bytes(frame.bytes, name: "sent \(frame.role.rawValue) frame"), side: side)
    }

    private func thumbnail(of input: ImageInput, side: Int) throws -> ReportThumbnail {
        // Any size and shape is fine for a thumbnail; only JPEG is "accepted", so every input is
        // re-encoded, and the video target's single size is the box the picture fits in.
        let policy = Policy(acceptedFormats: [.jpeg], sideAbove: 0, sideBelow: 1_000_000,
                            aspectAbove: AspectRatio(width: 1, height: 10_000), aspectBelow: AspectRatio(width: 10_000, height: 1))
        let inspected = try FrameInspector(policy: policy).inspectFrame(input)
        let (width, height) = (inspected.report.width, inspected.report.height)
        let scale = min(1, Double(side) / Double(max(width, height, 1)))
        let box = VideoTarget.Size(width: max(1, Int(Double(width) * scale)), height: max(1, Int(Double(height) * scale)))
        let options = FixOptions(format: .jpeg, video: VideoTarget(sizes: [box], label: "thumbnail"), quality: quality)
        let frame = try FrameFixer(policy: policy, options: options).prepare(inspected, role: .first)
        return ReportThumbnail(bytes: frame.bytes, format: frame.format, width: frame.width, height: frame.height)
    }
}
