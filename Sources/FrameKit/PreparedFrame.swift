public import Foundation

/// Which frame of the video a picture is.
public enum FrameRole: String, Sendable, Hashable, Codable {
    case first, last
}

/// A frame ready for the API: compliant bytes, what they are, and how they came to be.
public struct PreparedFrame: Sendable {
    public var role: FrameRole
    /// The exact bytes to upload or write: the original's when ``isPassThrough``.
    public var bytes: Data
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    /// The input as it was, and the plan that was run.
    public var before: ImageReport
    public var plan: FixPlan
    /// The output as re-inspected: it passes every rule.
    public var after: ImageReport
    /// What the encoder's budget search did beyond the plan.
    public var notes: [String]

    public var isPassThrough: Bool { plan.isPassThrough }

    /// `data:image/<fmt>;base64,<data>`, as the API takes it.
    public var dataURI: String {
        var text = "data:image/\(format.mediaSubtype);base64,"
        text += bytes.base64EncodedString()
        return text
    }
}
