extension FieldRule {
    /// Whether `value` has the field's type and lies within what it allows.
    public func accepts(_ value: ParameterValue) -> Bool {
        guard value.type == type else { return false }
        if let values, !values.contains(value) { return false }
        if let bounds, case .integer(let number) = value, !bounds.contains(number) { return false }
        return true
    }
}

extension VideoModel {
    /// Checks parameters against this model's fields and rules before anything is read or sent.
    ///
    /// - Parameters:
    ///   - frames: the roles of the frames the request will carry.
    ///   - complete: false checks only the values given (for `fix --ratio`), not required fields or rules.
    /// - Returns: warnings about values the provider accepts but advises against.
    /// - Throws: the first field the provider would refuse, naming the value and what this model allows.
    @discardableResult
    public func validate(
        _ parameters: GenerationParameters, frames: Set<FieldRule.FrameRole>, complete: Bool = true
    ) throws(RequestValidationError) -> [RequestWarning] {
        for (name, value) in parameters.values.sorted(by: { $0.key < $1.key }) {
            guard let rule = field(name), rule.type != .image else {
                let known = fields.filter { $0.type != .image }.map(\.name).joined(separator: ", ")
                throw RequestValidationError(field: name, value: value.description, allowed: "not a field of \(self.name) (its fields: \(known))")
            }
            guard rule.accepts(value) else {
                let what = value.type == rule.type ? rule.allowedDescription : "\(rule.type.rawValue): \(rule.allowedDescription)"
                throw RequestValidationError(field: name, value: value.description, allowed: "\(what) for \(self.name)")
            }
        }
        guard complete else { return [] }
        let present = Set(parameters.values.keys).union(frames.compactMap { imageField(for: $0)?.name })
        for rule in fields where rule.isRequired && !present.contains(rule.name) {
            throw RequestValidationError(field: rule.name, value: "(missing)", allowed: "required by \(name)")
        }
        if frames.contains(.last), imageField(for: .last) == nil {
            throw RequestValidationError(field: "last frame", value: "(given)", allowed: "\(name) takes no last frame")
        }
        var warnings: [RequestWarning] = []
        for rule in rules ?? [] where holds(rule.when, parameters, present) {
            if let requirement = rule.require, !holds(requirement, parameters, present) {
                let value = parameters[rule.when.field]?.description ?? "(given)"
                throw RequestValidationError(field: rule.when.field, value: value, allowed: "only with \(requirement) for \(name)")
            }
            if let warning = rule.warn { warnings.append(RequestWarning(field: rule.when.field, message: warning)) }
        }
        for rule in fields {
            if let limit = rule.recommendedMaxLength, case .string(let text)? = parameters[rule.name], text.count > limit {
                warnings.append(RequestWarning(field: rule.name, message: "\(text.count) characters; the provider recommends at most \(limit)"))
            }
        }
        if apiName == "ark", case .string(let prompt)? = parameters["prompt"], let commands = Self.legacyTextCommands(in: prompt) {
            warnings.append(
                RequestWarning(
                    field: "prompt",
                    message:
                        "it holds Ark's legacy text commands (\(commands)); they are never generated here and are sent as words of the prompt: set the fields instead"
                ))
        }
        return warnings
    }

    /// Ark's older text-command style (a double dash, then `rs`, `rt`, `dur`, `seed`, `cf`,
    /// `wm`, `fps` or `frames`, then a value) found in a prompt, as written; nil when there is none.
    static func legacyTextCommands(in prompt: String) -> String? {
        let words = prompt.split(whereSeparator: \.isWhitespace)
        let names: Set<Substring> = ["rs", "rt", "dur", "seed", "cf", "wm", "fps", "frames"]
        let found = words.filter { $0.hasPrefix("--") && names.contains($0.dropFirst(2)) }
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }

    private func holds(_ condition: ModelRule.Condition, _ parameters: GenerationParameters, _ present: Set<String>) -> Bool {
        guard let expected = condition.equals else { return present.contains(condition.field) }
        return parameters[condition.field] == expected
    }
}
