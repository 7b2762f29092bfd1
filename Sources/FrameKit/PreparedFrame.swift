public import Foundation
import ExtrasBase64

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
        // ExtrasBase64 writes straight into the string's storage: several times Foundation's
        // speed, and no intermediate buffer the size of the payload.
        "data:image/\(format.mediaSubtype);base64," + Base64.encodeToString(bytes: bytes)
    }
}
