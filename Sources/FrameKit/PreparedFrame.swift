public import Foundation

/// Which frame of the video a picture is.
public enum FrameRole: String, Sendable, Hashable, Codable {
    case first, last
}

/// A frame ready for the API: compliant bytes, what they are, and how they came to be.
public struct PreparedFrame: Sendable, Codable {
    public var role: FrameRole
    /// The exact bytes to upload or write: the original's when ``isPassThrough``.
    public var bytes: Data
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    /// The input as it was, and the plan that was run.
    public var before: ImageReport
    public var plan: FixPlan
    /// The steps that ran, in order: the plan's, then any the byte budget added (a lower
    /// quality, another format, a smaller size). Empty for a pass-through.
    public var steps: [FixPlan.Step]
    /// The output as re-inspected: it passes every rule.
    public var after: ImageReport
    /// What the output keeps of the original (a crop's region, in the original's displayed
    /// pixels) and where the picture lies in it (a pad's placement): what a preview draws.
    public var geometry: FrameGeometry
    /// What the encoder's budget search did beyond the plan, and the warnings libvips raised
    /// for this frame (and no other).
    public var notes: [String]

    public var isPassThrough: Bool { plan.isPassThrough }

    /// The original input's size in bytes.
    public var inputBytes: Int { before.bytes }
    /// The prepared frame's size in bytes (what is uploaded or written).
    public var outputBytes: Int { bytes.count }
}
