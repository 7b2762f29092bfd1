public import SeedanceCore

/// Ark's create body: `model` (the provider's wire id), `content[]` with at most one text item
/// and the frames as `image_url` items with their roles, then the model's other fields at the
/// top level, only those the user set or the model requires.
public enum ArkRequestLayout {
    /// The field whose value goes into `content[]` as the text item.
    public static let promptField = "prompt"

    public static func body(for request: GenerationRequest, provider: ProviderID) throws(RequestValidationError) -> RequestBody {
        try request.validate()
        guard request.model.apiName == "ark" else {
            throw RequestValidationError(field: "model", value: request.model.name, allowed: "a model written for Ark (\"api\": \"ark\")")
        }
        guard let wireID = request.model.wireIDs?[provider.rawValue] else {
            let served = (request.model.wireIDs ?? [:]).keys.sorted().joined(separator: ", ")
            throw RequestValidationError(
                field: "model", value: "\(request.model.name) on \(provider)",
                allowed: served.isEmpty ? "a model with wire_ids for \(provider)" : "\(request.model.name) on \(served)")
        }
        var content: [RequestJSON] = []
        if case .string(let text)? = request.parameters[promptField] {
            content.append(.object([("type", .string("text")), ("text", .string(text))]))
        }
        // Roles always: one frame is the first frame, two frames must both say which they are.
        for role in [FieldRule.FrameRole.first, .last] {
            guard let frame = request.frame(role) else { continue }
            content.append(
                .object([
                    ("type", .string("image_url")), ("image_url", .object([("url", .frame(frame))])),
                    ("role", .string(role == .first ? "first_frame" : "last_frame")),
                ]))
        }
        var members: [(key: String, value: RequestJSON)] = [("model", .string(wireID)), ("content", .array(content))]
        var echo = ["model": wireID]
        for field in request.model.fields where field.type != .image && field.name != promptField {
            if let value = request.parameters[field.name] {
                members.append((field.name, RequestJSON(value)))
                echo[field.name] = value.description
            }
        }
        var body = RequestBody(json: .object(members), model: request.model.name, endpoint: request.model.endpoint)
        body.echo = echo
        return body
    }
}
