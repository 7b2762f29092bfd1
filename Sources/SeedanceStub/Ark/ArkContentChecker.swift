internal import Foundation

/// What a valid `content[]` holds.
struct ArkContent: Sendable {
    var prompt: String?
    /// Indexes into `content[]` of the image items, in order.
    var imageIndexes: [Int]
    var mode: Mode

    enum Mode: Sendable, Hashable {
        case textOnly
        case firstFrame
        case firstAndLast
        case references
    }
}

/// Checks `content[]` strictly ([BP-C][VE-C]): at most one text item; image items as one first
/// frame, or first + last with both roles, or reference images (2.x), never mixed; each image
/// an http(s) URL, an `asset://` id, or a `data:image/<fmt>;base64,` URI whose bytes pass the
/// frame rules. Refusals name the item in `param` (`content[i]`).
struct ArkContentChecker: Sendable {
    let family: ArkFamily
    let imageValidator: ImageValidator

    func check(_ value: JSONValue?) throws(ArkError) -> ArkContent {
        guard let value else { throw .missing("content") }
        guard case .array(let items) = value, !items.isEmpty else { throw .invalid("content", "content must be a non-empty array") }
        var prompt: String?
        var images: [(index: Int, role: String?)] = []
        for (index, item) in items.enumerated() {
            let param = "content[\(index)]"
            guard case .object(let fields) = item, case .string(let type)? = fields["type"] else {
                throw .invalid(param, "\(param) must be an object with a type")
            }
            switch type {
            case "text":
                guard prompt == nil else { throw .invalid(param, "at most one text item is allowed") }
                try Self.onlyKeys(fields, ["type", "text"], param)
                guard case .string(let text)? = fields["text"], !text.isEmpty else {
                    throw .invalid(param, "\(param).text must be a non-empty string")
                }
                prompt = text
            case "image_url":
                try Self.onlyKeys(fields, ["type", "image_url", "role"], param)
                var role: String?
                if let value = fields["role"] {
                    guard case .string(let text) = value, ["first_frame", "last_frame", "reference_image"].contains(text) else {
                        throw .invalid(param, "\(param).role must be first_frame, last_frame or reference_image")
                    }
                    role = text
                }
                guard case .object(let image)? = fields["image_url"], case .string(let url)? = image["url"], image.count == 1 else {
                    throw .invalid(param, "\(param).image_url must be {\"url\": string}")
                }
                try checkImage(url, param: param)
                images.append((index, role))
            default:
                // video_url, audio_url and draft_task exist, but the stand-in does not serve them.
                throw .invalid(param, "\(param).type \(type) is not supported here")
            }
        }
        let mode = try Self.mode(of: images.map(\.role), family: family)
        if mode == .textOnly, prompt == nil { throw .missing("content") }
        return ArkContent(prompt: prompt, imageIndexes: images.map(\.index), mode: mode)
    }

    private static func mode(of roles: [String?], family: ArkFamily) throws(ArkError) -> ArkContent.Mode {
        if roles.contains("reference_image") {
            guard roles.allSatisfy({ $0 == "reference_image" }) else {
                throw .invalid("content", "reference images cannot be mixed with first or last frames")
            }
            guard let allowed = family.referenceImages else { throw .invalid("content", "reference images need a 2.x model") }
            guard allowed.contains(roles.count) else {
                throw .invalid("content", "between \(allowed.lowerBound) and \(allowed.upperBound) reference images are allowed")
            }
            return .references
        }
        switch roles.count {
        case 0:
            return .textOnly
        case 1:
            guard roles[0] == nil || roles[0] == "first_frame" else { throw .invalid("content", "a single image must be the first_frame") }
            return .firstFrame
        case 2:
            guard roles.allSatisfy({ $0 != nil }) else { throw .invalid("content", "role must be specified for image contents") }
            guard roles[0] != roles[1] else { throw .invalid("content", "two images must be one first_frame and one last_frame") }
            return .firstAndLast
        default:
            throw .invalid("content", "at most two frames (first_frame, last_frame) are allowed")
        }
    }

    private static func onlyKeys(_ fields: [String: JSONValue], _ allowed: Set<String>, _ param: String) throws(ArkError) {
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalid(param, "\(param) has an unknown field \(unknown)")
        }
    }

    private func checkImage(_ url: String, param: String) throws(ArkError) {
        if url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("asset://") { return }
        let prefix = "data:image/"
        guard url.hasPrefix(prefix), let marker = url.range(of: ";base64,") else {
            throw .invalid(param, "\(param): the image must be an http(s) URL, an asset:// id or a data:image/<fmt>;base64, URI")
        }
        let rules = ArkFrameRules.rules
        let format = String(url[url.index(url.startIndex, offsetBy: prefix.count)..<marker.lowerBound])
        // Case matters and `jpg` is not a format name: only the exact lower-case names pass.
        guard rules.formats.contains(format) else {
            throw .invalid(param, "\(param): unsupported image format \(format); use one of \(rules.formats.joined(separator: ", "))")
        }
        guard url.utf8.count < rules.payloadBytesBelow else {
            throw .invalid(param, "\(param): the data URI is \(url.utf8.count) bytes, it must be under \(rules.payloadBytesBelow)")
        }
        guard let bytes = Data(base64Encoded: String(url[marker.upperBound...])), !bytes.isEmpty else {
            throw .invalid(param, "\(param): the data URI payload is not valid base64")
        }
        guard bytes.count < rules.fileBytesBelow else {
            throw .invalid(param, "\(param): the image is \(bytes.count) bytes, it must be under \(rules.fileBytesBelow)")
        }
        if let verdict = imageValidator(bytes, format) {
            throw .invalid(param, "\(param): \(verdict.message)")
        }
    }
}
