internal import Foundation
internal import SeedanceCore

/// Checks a create-call body against the model's data the way the provider would.
///
/// It reads the same ``VideoModel`` value the client does, but interprets it on its own (it
/// walks the decoded JSON, not the client's validation), so a mistake in the client's reading
/// of a rule shows up here.
struct SubmitBodyChecker: Sendable {
    let model: VideoModel
    let imageValidator: ImageValidator

    func check(_ body: Data) throws(ProviderRefusal) {
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let fields) = document else {
            throw .body("body must be a JSON object")
        }
        let known = Set(model.fields.map(\.name))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw .body("unknown field \(unknown)")
        }
        for rule in model.fields {
            guard let value = fields[rule.name] else {
                if rule.isRequired { throw .body("\(rule.name) is required") }
                continue
            }
            try check(value, against: rule)
        }
        for rule in model.rules ?? [] where holds(rule.when, fields) {
            if let requirement = rule.require, !holds(requirement, fields) {
                throw .body("\(rule.when) requires \(requirement)")
            }
        }
    }

    private func holds(_ condition: ModelRule.Condition, _ fields: [String: JSONValue]) -> Bool {
        guard let value = fields[condition.field] else { return false }
        guard let expected = condition.equals else { return true }
        switch (expected, value) {
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        default: return false
        }
    }

    private func check(_ value: JSONValue, against rule: FieldRule) throws(ProviderRefusal) {
        let name = rule.name
        switch (rule.type, value) {
        case (.image, _):
            try checkImage(value, field: name)
        case (.string, .string(let text)):
            if let allowed = rule.values?.compactMap(\.stringValue), !allowed.contains(text) {
                throw .body("\(name) must be one of \(allowed.sorted().joined(separator: ", ")), got \(text)")
            }
        case (.integer, .integer(let number)):
            if let range = rule.range, range.count == 2, !(range[0]...range[1]).contains(number) {
                throw .body("\(name) must be within \(range[0])…\(range[1]), got \(number)")
            }
            if let allowed = rule.values, !allowed.contains(.integer(number)) {
                throw .body("\(name) must be one of \(allowed.map(\.description).joined(separator: ", ")), got \(number)")
            }
        case (.boolean, .bool):
            break
        default:
            throw .body("\(name) must be a \(rule.type.rawValue), got \(value.typeName)")
        }
    }

    private func checkImage(_ value: JSONValue, field: String) throws(ProviderRefusal) {
        guard case .string(let text) = value else { throw .body("\(field) must be a string") }
        if text.hasPrefix("https://") || text.hasPrefix("http://") { return }
        let prefix = "data:image/"
        guard text.hasPrefix(prefix), let marker = text.range(of: ";base64,") else {
            throw .body("\(field) must be an http(s) URL or a base64 data URI")
        }
        let format = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<marker.lowerBound])
        guard model.image.formats.contains(format) else {
            throw ProviderRefusal(status: 400, reason: "INVALID_IMAGE_FORMAT", message: "\(field): unsupported format \(format)")
        }
        let limits = model.image
        guard text.utf8.count < limits.payloadBytesBelow else {
            throw ProviderRefusal(
                status: 400, reason: "IMAGE_FILE_EXCEEDS_MAX_SIZE",
                message: "\(field): the data URI is \(text.utf8.count) bytes, it must be under \(limits.payloadBytesBelow)")
        }
        guard let bytes = Data(base64Encoded: String(text[marker.upperBound...])), !bytes.isEmpty else {
            throw .body("\(field): data URI payload is not valid base64")
        }
        guard bytes.count < limits.fileBytesBelow else {
            throw ProviderRefusal(
                status: 400, reason: "IMAGE_FILE_EXCEEDS_MAX_SIZE",
                message: "\(field): the image is \(bytes.count) bytes, it must be under \(limits.fileBytesBelow)")
        }
        if let verdict = imageValidator(bytes, format) {
            throw ProviderRefusal(status: 400, reason: verdict.reason, message: "\(field): \(verdict.message)")
        }
    }
}
