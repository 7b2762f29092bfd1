public import Foundation
public import FrameKit

/// A small picture for a report: encoded bytes and their size.
public struct ReportThumbnail: Sendable {
    public var bytes: Data
    public var format: ImageFormat
    public var width: Int
    public var height: Int

    public init(bytes: Data, format: ImageFormat, width: Int, height: Int) {
        self.bytes = bytes
        self.format = format
        self.width = width
        self.height = height
    }
}

/// Draws a report's thumbnails: the one place the report asks for pixels (``PreviewThumbnailer``
/// by default; a tool may draw its own).
public protocol ReportThumbnailer: Sendable {
    /// The original, scaled to fit a `side`×`side` box; when `frame` is what it becomes, the
    /// region kept by a crop is outlined.
    func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail
    /// The frame as it would be sent, scaled to fit a `side`×`side` box; a pad's added area shaded.
    func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail
}
