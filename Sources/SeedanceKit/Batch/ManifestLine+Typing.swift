extension ManifestLine {
    /// The line's fields over `defaults` (the command line's request options): a key on the line wins.
    public func fields(over defaults: [String: ManifestValue]) -> [String: ManifestValue] {
        defaults.merging(fields) { _, line in line }
    }

    /// Types `fields` against declared field types (a model's field list), so CSV text becomes
    /// integers, numbers and booleans. Keys without a declared type are kept as they are.
    ///
    /// - Returns: the typed fields, and one ``ManifestError/Kind/wrongType`` error per value that
    ///   is not of its field's type, naming this line, the key and the value.
    public func typed(
        _ fields: [String: ManifestValue], as types: [String: ManifestValue.FieldType]
    ) -> (fields: [String: ManifestValue], errors: [ManifestError]) {
        var typed: [String: ManifestValue] = [:]
        var errors: [ManifestError] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let type = types[key] else {
                typed[key] = value
                continue
            }
            if let converted = value.coerced(to: type) {
                typed[key] = converted
            } else {
                errors.append(
                    ManifestError(
                        .wrongType, line: lineNumber, key: key, value: ManifestPath.shortened(value),
                        "expected \(type.noun), got \(value)"))
            }
        }
        return (typed, errors)
    }
}

extension ManifestValue.FieldType {
    /// "an integer", "a boolean (true or false)", …, for messages.
    var noun: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .bool: "a boolean (true or false)"
        }
    }
}
