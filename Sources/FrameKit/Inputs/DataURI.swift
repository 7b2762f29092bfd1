import Foundation

/// `data:[<media type>][;base64],<data>`, as RFC 2397 defines it; images must be base64.
enum DataURI {
    /// The media type before the first `;` or `,`, if the text is a data URI.
    static func mediaType(in text: String) -> String? {
        guard text.hasPrefix("data:") else { return nil }
        let rest = text.utf8.dropFirst(5)
        let end = rest.firstIndex(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) ?? rest.endIndex
        return String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
    }

    struct Parsed {
        var mediaType: String
        var bytes: Data
    }

    static func parse(_ text: String, maxBytes: Int) throws(FrameError) -> Parsed {
        let name = "data: URI"
        guard text.hasPrefix("data:") else {
            throw FrameError(.unreadable, "not a data URI: it must start with \"data:\"", source: name)
        }
        let utf8 = text.utf8
        guard let comma = utf8.firstIndex(of: UInt8(ascii: ",")) else {
            throw FrameError(.unreadable, "the data URI has no \",\" before its data", source: name)
        }
        let header = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: 5)..<comma], as: UTF8.self)
        let parameters = header.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parameters.dropFirst().contains(where: { $0.lowercased() == "base64" }) else {
            throw FrameError(.unreadable, "the data URI is not base64 (add \";base64\" and encode the image)", source: name)
        }
        let payload = utf8[utf8.index(after: comma)...]
        guard payload.count / 4 * 3 <= maxBytes else {
            throw FrameError(.inputTooLarge, "the data URI holds more than \(maxBytes) bytes (the input cap)", source: name)
        }
        guard let bytes = Data(base64Encoded: Data(payload)) else {
            throw FrameError(.unreadable, "the data URI's base64 is invalid (characters outside A–Z a–z 0–9 + / = or a bad length)", source: name)
        }
        guard !bytes.isEmpty else { throw FrameError(.unreadable, "the data URI is empty", source: name) }
        return Parsed(mediaType: parameters[0].lowercased(), bytes: bytes)
    }
}
