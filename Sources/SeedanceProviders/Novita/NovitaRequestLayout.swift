public import SeedanceCore

/// novita's create body: one flat object, the model's fields in the model's order, frames as
/// data URIs or URLs in their fields, unset fields omitted.
public enum NovitaRequestLayout {
    public static func body(for request: GenerationRequest) throws(RequestValidationError) -> RequestBody {
        try request.validate()
        var members: [(key: String, value: RequestJSON)] = []
        for field in request.model.fields {
            if field.type == .image {
                guard let role = field.role, let frame = request.frame(role) else { continue }
                members.append((field.name, .frame(frame)))
            } else if let value = request.parameters[field.name] {
                members.append((field.name, RequestJSON(value)))
            }
        }
        return RequestBody(json: .object(members), model: request.model.name, endpoint: request.model.endpoint)
    }
}
