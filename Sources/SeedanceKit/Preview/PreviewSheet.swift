public import Foundation
public import FrameKit

/// A picture of what `submit` would send, for one first frame and an optional last frame: for
/// each frame the original (the region a crop keeps outlined, a pad's added area hatched) beside
/// the frame exactly as it would be sent, with format, size, bytes and steps under each.
public struct PreviewSheet: Sendable {
    /// The sheet as PNG.
    public var png: Data
    /// Where every panel, outline and caption is on the sheet.
    public var layout: ContactSheetLayout
    /// The frames as ``VideoSubmitter/prepareFrames(first:last:parameters:)`` made them: what a
    /// submit with the same settings would send.
    public var frames: [RequestFrame]
}
