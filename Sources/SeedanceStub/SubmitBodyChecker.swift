internal import Foundation

/// Checks a create-call body the way the provider's contract says it should be checked.
///
/// Written independently of SeedanceAPI's validation on purpose: the stand-in is a second
/// reading of the contract, so a mistake in one shows up against the other.
struct SubmitBodyChecker: Sendable {
    let imageValidator: ImageValidator

    private static let knownFields: Set<String> = [
        "image", "last_image", "prompt", "duration", "resolution", "ratio", "fps", "seed",
        "watermark", "camera_fixed", "service_tier", "generate_audio", "execution_expires_after",
    ]
    private static let imageFormats: Set<String> = ["jpeg", "png", "webp", "bmp", "tiff", "gif"]

    func check(_ body: Data) throws(ProviderRefusal) {
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let fields) = document else {
            throw .body("body must be a JSON object")
        }
        if let unknown = fields.keys.sorted().first(where: { !Self.knownFields.contains($0) }) {
            throw .body("unknown field \(unknown)")
        }
        guard let image = fields["image"] else { throw .body("image is required") }
        try checkImage(image, field: "image")
        if let last = fields["last_image"] { try checkImage(last, field: "last_image") }
        try string(fields, "prompt", allowed: nil)
        try integer(fields, "duration", in: 4...12)
        try string(fields, "resolution", allowed: ["480p", "720p", "1080p"])
        try string(fields, "ratio", allowed: ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"])
        try integer(fields, "fps", in: 24...24)
        try integer(fields, "seed", in: -1...4_294_967_295)
        try integer(fields, "execution_expires_after", in: 3600...259_200)
        try string(fields, "service_tier", allowed: ["default", "flex"])
        for name in ["watermark", "camera_fixed", "generate_audio"] {
            if let value = fields[name], case .bool = value { continue }
            if let value = fields[name] { throw .body("\(name) must be a boolean, got \(value.typeName)") }
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
        guard Self.imageFormats.contains(format) else {
            throw ProviderRefusal(status: 400, reason: "INVALID_IMAGE_FORMAT", message: "\(field): unsupported format \(format)")
        }
        guard let bytes = Data(base64Encoded: String(text[marker.upperBound...])), !bytes.isEmpty else {
            throw .body("\(field): data URI payload is not valid base64")
        }
        if let verdict = imageValidator(bytes) {
            throw ProviderRefusal(status: 400, reason: verdict.reason, message: "\(field): \(verdict.message)")
        }
    }

    private func string(_ fields: [String: JSONValue], _ name: String, allowed: Set<String>?) throws(ProviderRefusal) {
        guard let value = fields[name] else { return }
        guard case .string(let text) = value else { throw .body("\(name) must be a string, got \(value.typeName)") }
        if let allowed, !allowed.contains(text) {
            throw .body("\(name) must be one of \(allowed.sorted().joined(separator: ", ")), got \(text)")
        }
    }

    private func integer(_ fields: [String: JSONValue], _ name: String, in range: ClosedRange<Int64>) throws(ProviderRefusal) {
        guard let value = fields[name] else { return }
        guard case .integer(let number) = value else { throw .body("\(name) must be an integer, got \(value.typeName)") }
        guard range.contains(number) else { throw .body("\(name) must be within \(range.lowerBound)…\(range.upperBound), got \(number)") }
    }
}
