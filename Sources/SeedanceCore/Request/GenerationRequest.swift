/// One create call: which model, what the user asked for, and the frames.
///
/// The parameters are validated on their own (``VideoModel/validate(_:frames:)``) before any frame
/// is read; ``validate()`` adds the checks that need the frames (URL shape, inline format).
public struct GenerationRequest: Sendable {
    public var model: VideoModel
    public var parameters: GenerationParameters
    /// At most one frame per role; the first is required by every model this toolkit drives.
    public var frames: [FramePayload]
    /// The check the parameters already passed, if the request was built from one: ``validate()``
    /// does not check them again while it still covers the model, parameters and frame roles.
    public private(set) var validated: ValidatedParameters?

    public init(model: VideoModel, parameters: GenerationParameters, frames: [FramePayload]) {
        self.model = model
        self.parameters = parameters
        self.frames = frames
    }

    /// A request from parameters checked once, before any frame was read.
    public init(_ validated: ValidatedParameters, frames: [FramePayload]) {
        self.init(model: validated.model, parameters: validated.parameters, frames: frames)
        self.validated = validated
    }

    /// The frame for `role`, if the request carries one.
    public func frame(_ role: FieldRule.FrameRole) -> FramePayload? {
        frames.first { $0.role == role }
    }

    /// Checks the parameters and the frames against the model, sending nothing.
    @discardableResult
    public func validate() throws(RequestValidationError) -> [RequestWarning] {
        let roles = Set(frames.map(\.role))
        var warnings = validated?.warnings ?? []
        if validated?.covers(model: model, parameters: parameters, frames: roles) != true {
            warnings = try model.validate(parameters, frames: roles)
        }
        var seen = Set<FieldRule.FrameRole>()
        for frame in frames {
            let field = model.imageField(for: frame.role)?.name ?? frame.role.rawValue
            guard seen.insert(frame.role).inserted else {
                throw RequestValidationError(field: field, value: "two \(frame.role.rawValue) frames", allowed: "one")
            }
            switch frame.content {
            case .url(let url):
                try ImageURLRule.check(url, field: field)
            case .inline(let bytes, let format):
                guard model.image.formats.contains(format) else {
                    throw RequestValidationError(
                        field: field, value: "data:image/\(format)", allowed: "\(model.image.formats.joined(separator: ", ")) for \(model.name)")
                }
                guard !bytes.isEmpty else {
                    throw RequestValidationError(field: field, value: "0 bytes", allowed: "a non-empty image")
                }
            }
        }
        return warnings
    }
}
