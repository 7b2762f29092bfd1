/// Parameters checked against a model, once: the proof that later steps (preparing frames,
/// building the request, laying out the body) take instead of checking the same values again.
///
/// Only the initialisers make one, and they validate; the value cannot be changed afterwards,
/// so holding one means these parameters passed these checks for this model and these frames.
public struct ValidatedParameters: Sendable, Hashable {
    /// How much was checked.
    public enum Scope: Sendable, Hashable {
        /// Everything a create call needs: every value, required fields, the model's rules.
        case request
        /// Only the values given (a preview, `fix --ratio`): no required field, no rule.
        case valuesGiven
    }

    public let model: VideoModel
    public let parameters: GenerationParameters
    /// The roles of the frames the request carries.
    public let frames: Set<FieldRule.FrameRole>
    public let scope: Scope
    /// Values the provider accepts but advises against (empty for ``Scope/valuesGiven``).
    public let warnings: [RequestWarning]

    /// Checks everything a create call needs (``VideoModel/validate(_:frames:complete:)``).
    /// - Throws: the first field the provider would refuse.
    public init(model: VideoModel, parameters: GenerationParameters, frames: Set<FieldRule.FrameRole>) throws(RequestValidationError) {
        let warnings = try model.validate(parameters, frames: frames)
        self.init(checked: model, parameters: parameters, frames: frames, scope: .request, warnings: warnings)
    }

    /// Checks only the values given, and that the model takes every frame role given.
    /// - Throws: the first value the provider would refuse, or a last frame the model does not take.
    public static func valuesGiven(
        model: VideoModel, parameters: GenerationParameters, frames: Set<FieldRule.FrameRole>
    ) throws(RequestValidationError) -> ValidatedParameters {
        try model.validate(parameters, frames: frames, complete: false)
        if frames.contains(.last), model.imageField(for: .last) == nil {
            throw RequestValidationError(field: "last frame", value: "(given)", allowed: "\(model.name) takes no last frame")
        }
        return ValidatedParameters(checked: model, parameters: parameters, frames: frames, scope: .valuesGiven, warnings: [])
    }

    /// Values already checked: for the initialisers above (and tests that prove a later step
    /// does not check again).
    init(checked model: VideoModel, parameters: GenerationParameters, frames: Set<FieldRule.FrameRole>, scope: Scope, warnings: [RequestWarning]) {
        self.model = model
        self.parameters = parameters
        self.frames = frames
        self.scope = scope
        self.warnings = warnings
    }

    /// True when this proof is for a create call with exactly this model, these parameters and
    /// these frame roles: only then may a request skip checking them again.
    public func covers(model: VideoModel, parameters: GenerationParameters, frames: Set<FieldRule.FrameRole>) -> Bool {
        scope == .request && self.frames == frames && self.parameters == parameters && self.model == model
    }
}
