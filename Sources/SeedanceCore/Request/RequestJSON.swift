/// A create call's JSON document, members in the order they are written, whose frames stay
/// bytes until the body is sent: ``frame(_:)`` becomes the frame's URL, or a data URI whose
/// base64 is produced chunk by chunk (``RequestBody``).
///
/// Flat bodies (novita) and nested ones (Ark's `content: [{…, "image_url": {"url": …}}]`) are
/// both values of this type.
public indirect enum RequestJSON: Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([RequestJSON])
    /// Members in the order written; keys are not deduplicated.
    case object([(key: String, value: RequestJSON)])
    /// A string holding the frame's URL, or `data:image/<format>;base64,<its bytes>`.
    case frame(FramePayload)

    public init(_ value: ParameterValue) {
        switch value {
        case .string(let string): self = .string(string)
        case .integer(let number): self = .integer(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}
