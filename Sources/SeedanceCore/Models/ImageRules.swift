/// The provider's rules for a frame, as a model states them. SeedanceKit turns them into
/// FrameKit's `Policy`; the bounds are exclusive, the safe reading (docs/api-contract.md).
public struct ImageRules: Sendable, Hashable, Codable {
    /// Lowercase `<fmt>` names of `data:image/<fmt>;base64,`, e.g. `jpeg`.
    public var formats: [String]
    public var sideAbove: Int
    public var sideBelow: Int
    /// Width/height bounds as ratios such as `2:5`.
    public var aspectAbove: String
    public var aspectBelow: String
    public var fileBytesBelow: Int
    public var payloadBytesBelow: Int

    public init(
        formats: [String], sideAbove: Int, sideBelow: Int, aspectAbove: String, aspectBelow: String,
        fileBytesBelow: Int, payloadBytesBelow: Int
    ) {
        self.formats = formats
        self.sideAbove = sideAbove
        self.sideBelow = sideBelow
        self.aspectAbove = aspectAbove
        self.aspectBelow = aspectBelow
        self.fileBytesBelow = fileBytesBelow
        self.payloadBytesBelow = payloadBytesBelow
    }

    enum CodingKeys: String, CodingKey {
        case formats
        case sideAbove = "side_above"
        case sideBelow = "side_below"
        case aspectAbove = "aspect_above"
        case aspectBelow = "aspect_below"
        case fileBytesBelow = "file_bytes_below"
        case payloadBytesBelow = "payload_bytes_below"
    }
}
