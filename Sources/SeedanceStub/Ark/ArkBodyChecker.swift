internal import Foundation

/// A create body that passed every check, with the values a task echoes (defaults filled in).
struct ArkCreateRequest: Sendable {
    var model: String
    var family: ArkFamily
    var content: ArkContent
    var resolution: String
    var ratio: String
    var duration: Int
    /// The seed sent, nil when absent or -1 (the task then picks one).
    var seed: Int?
    var serviceTier: String
    var generateAudio: Bool
    var returnLastFrame: Bool
    var executionExpiresAfter: Int
    var draft: Bool
}

/// Checks a create body against the contract's parameter table ([BP-C][VE-C]): every field must
/// apply to the model's family and hold an allowed value; anything else is 400
/// `InvalidParameter` naming the field, as Ark validates strictly.
struct ArkBodyChecker: Sendable {
    let imageValidator: ImageValidator

    func check(_ body: Data) throws(ArkError) -> ArkCreateRequest {
        guard body.count <= 64 * 1024 * 1024 else { throw .invalid("", "the request body must not exceed 64 MB") }
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let fields) = document else {
            throw .invalid("", "the request body must be a JSON object")
        }
        guard let modelValue = fields["model"] else { throw .missing("model") }
        guard case .string(let model) = modelValue else { throw .invalid("model", "model must be a string") }
        guard let family = ArkFamily.named(model) else {
            throw ArkError(
                status: 404, code: "InvalidEndpointOrModel.NotFound",
                message: "The model or endpoint \(model) does not exist or you do not have access to it.", param: "model")
        }
        let allowed = Self.allowedFields(family, volcengine: ArkFamily.isVolcengine(model))
        if let field = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalid(field, "the parameter \(field) is not supported by model \(model)")
        }
        let content = try ArkContentChecker(family: family, imageValidator: imageValidator).check(fields["content"])
        let top = Fields(values: fields)

        let resolution = try top.string("resolution", in: family.resolutions) ?? "720p"
        let ratio = try top.string("ratio", in: ArkFamily.ratios) ?? "adaptive"
        if family == .v25, [.firstFrame, .firstAndLast].contains(content.mode), ratio != "adaptive" {
            throw .invalid("ratio", "ratio must be adaptive when model \(model) is given frames")
        }
        let duration = try top.integer("duration", in: family.durations, orMinusOne: true) ?? (family == .v25 ? -1 : 5)
        let seed = try top.integer("seed", in: -1...2_147_483_647, orMinusOne: false)
        let tiers = family == .pro15 ? ["default", "flex"] : ["default"]
        let serviceTier = try top.string("service_tier", in: tiers) ?? "default"
        _ = try top.integer("priority", in: 0...9, orMinusOne: false)
        _ = try top.string("output_format", in: ["mp4", "mov"])
        for name in ["camera_fixed", "watermark"] { _ = try top.bool(name) }
        let generateAudio = try top.bool("generate_audio") ?? true
        let returnLastFrame = try top.bool("return_last_frame") ?? false
        let draft = try top.bool("draft") ?? false
        let expiresAfter = try top.integer("execution_expires_after", in: 3600...259_200, orMinusOne: false) ?? 172_800
        try top.checkCallback()
        try top.checkSafetyIdentifier()
        try top.checkTools()
        if draft {
            guard top.values["resolution"] == .string("480p") else { throw .invalid("draft", "draft needs resolution 480p") }
            guard !returnLastFrame else { throw .invalid("return_last_frame", "a draft cannot return its last frame") }
            guard serviceTier != "flex" else { throw .invalid("service_tier", "a draft cannot use the flex tier") }
        }
        return ArkCreateRequest(
            model: model, family: family, content: content, resolution: resolution, ratio: ratio, duration: duration,
            seed: seed == -1 ? nil : seed, serviceTier: serviceTier, generateAudio: generateAudio, returnLastFrame: returnLastFrame,
            executionExpiresAfter: expiresAfter, draft: draft)
    }

    /// The contract's parameter table, one column per family.
    static func allowedFields(_ family: ArkFamily, volcengine: Bool) -> Set<String> {
        var fields: Set<String> = [
            "model", "content", "resolution", "ratio", "duration", "seed", "service_tier", "watermark", "generate_audio",
            "return_last_frame", "execution_expires_after", "callback_url", "safety_identifier",
        ]
        if family == .pro15 {
            fields.formUnion(["camera_fixed", "draft"])
        } else {
            fields.insert("priority")
            if volcengine { fields.insert("tools") }
        }
        if family == .v25 { fields.insert("output_format") }
        return fields
    }
}

/// Typed reads of the top-level fields, each refusal naming its field.
private struct Fields {
    let values: [String: JSONValue]

    func string(_ name: String, in allowed: [String]) throws(ArkError) -> String? {
        guard let value = values[name] else { return nil }
        guard case .string(let text) = value, allowed.contains(text) else {
            throw .invalid(name, "\(name) must be one of \(allowed.joined(separator: ", ")), got \(Self.describe(value))")
        }
        return text
    }

    func integer(_ name: String, in range: ClosedRange<Int>, orMinusOne: Bool) throws(ArkError) -> Int? {
        guard let value = values[name] else { return nil }
        guard case .integer(let wide) = value, let number = Int(exactly: wide), range.contains(number) || (orMinusOne && number == -1) else {
            let also = orMinusOne ? " or -1" : ""
            throw .invalid(name, "\(name) must be an integer within \(range.lowerBound)…\(range.upperBound)\(also), got \(Self.describe(value))")
        }
        return number
    }

    func bool(_ name: String) throws(ArkError) -> Bool? {
        guard let value = values[name] else { return nil }
        guard case .bool(let flag) = value else { throw .invalid(name, "\(name) must be a boolean, got \(Self.describe(value))") }
        return flag
    }

    func checkCallback() throws(ArkError) {
        guard let value = values["callback_url"] else { return }
        guard case .string(let url) = value, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw .invalid("callback_url", "callback_url must be an http(s) URL")
        }
    }

    func checkSafetyIdentifier() throws(ArkError) {
        guard let value = values["safety_identifier"] else { return }
        guard case .string(let text) = value, !text.isEmpty, text.utf8.count <= 64, text.allSatisfy(\.isASCII) else {
            throw .invalid("safety_identifier", "safety_identifier must be 1 to 64 ASCII characters")
        }
    }

    func checkTools() throws(ArkError) {
        guard let value = values["tools"] else { return }
        guard case .array(let tools) = value, tools.allSatisfy({ $0 == .object(["type": .string("web_search")]) }) else {
            throw .invalid("tools", "tools must be [{\"type\":\"web_search\"}]")
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        default: value.typeName
        }
    }
}
