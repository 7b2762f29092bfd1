/// The rule a finding is about. Raw values are the ids other tools match on in `--json`.
public enum Rule: String, Sendable, Codable, CaseIterable {
    case format
    case width
    case height
    case aspectRatio = "aspect_ratio"
    case fileSize = "file_size"
    case payloadSize = "payload_size"
    case unreadable
    case tooLargeToDecode = "too_large_to_decode"
    case lastFrameAspect = "last_frame_aspect"
    case orientation
    case colourSpace = "colour_space"
    case bitDepth = "bit_depth"
    case alpha
    case animation
    case declaredType = "declared_type"
}

/// One thing `check` found: a violation (the API would reject it, or the video would come out
/// wrong) or a note (worth knowing, accepted as is).
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable {
        case violation, note
    }

    public var rule: Rule
    public var severity: Severity
    public var message: String
    public var value: String?
    public var limit: String?
    /// Whether `fix` can repair it; false makes the input unusable (exit 2).
    public var fixable: Bool
    /// What the caller could change beyond what `fix` does by itself, when something applies.
    public var remedy: Remedy?

    public init(
        rule: Rule, severity: Severity, message: String, value: String? = nil, limit: String? = nil, fixable: Bool = true,
        remedy: Remedy? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.value = value
        self.limit = limit
        self.fixable = fixable
        self.remedy = remedy
    }
}
