public import SeedanceAPI

/// A manifest line's request fields read against its model's field table: their types, the
/// typed values as ``GenerationParameters``, and the model's own validation.
public enum BatchRequestFields {
    /// Every request field a line may set: the non-frame fields of `models`.
    public static func names(of models: [VideoModel]) -> Set<String> {
        Set(models.flatMap { model in model.fields.filter { $0.type != .image }.map(\.name) })
    }

    /// The model's field types in the manifest's terms, so CSV text is typed before validation.
    static func types(of model: VideoModel) -> [String: ManifestValue.FieldType] {
        var types: [String: ManifestValue.FieldType] = [:]
        for field in model.fields {
            switch field.type {
            case .string: types[field.name] = .string
            case .integer: types[field.name] = .integer
            case .boolean: types[field.name] = .bool
            case .image: continue
            }
        }
        return types
    }

    /// The parameters `fields` (already typed) ask for, checked by `model` for a request with
    /// these frames; one error naming `line`, the key and the value when the model refuses one.
    public static func parameters(
        from fields: [String: ManifestValue], model: VideoModel, frames: Set<FieldRule.FrameRole>, line: Int
    ) -> (GenerationParameters, [ManifestError]) {
        switch validated(from: fields, model: model, frames: frames, line: line) {
        case .success(let validated): (validated.parameters, [])
        case .failure(let failure): (failure.parameters, [failure.error])
        }
    }

    /// Why a line's fields did not check: the parameters as read and the error.
    public struct Refusal: Error, Sendable {
        public var parameters: GenerationParameters
        public var error: ManifestError
    }

    /// The parameters `fields` ask for, checked once by `model`: the value the request carries
    /// so that nothing checks them again.
    public static func validated(
        from fields: [String: ManifestValue], model: VideoModel, frames: Set<FieldRule.FrameRole>, line: Int
    ) -> Result<ValidatedParameters, Refusal> {
        var parameters = GenerationParameters()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .string(let text), .text(let text): parameters.set(key, .string(text))
            case .integer(let number): parameters.set(key, .integer(Int64(number)))
            case .bool(let flag): parameters.set(key, .bool(flag))
            case .number(let number): parameters.set(key, .string(String(number)))
            case .null: continue
            }
        }
        do {
            return .success(try ValidatedParameters(model: model, parameters: parameters, frames: frames))
        } catch {
            return .failure(
                Refusal(
                    parameters: parameters, error: ManifestError(.invalidValue, line: line, key: error.field, value: error.value, error.description)))
        }
    }
}
