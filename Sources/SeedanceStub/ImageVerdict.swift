public import Foundation
internal import SeedanceAPI

/// Why the stand-in refuses an image, in the provider's words.
public struct ImageVerdict: Sendable, Hashable {
    /// The provider's `reason`, e.g. `INVALID_IMAGE_SIZE` or `INVALID_IMAGE_FORMAT`.
    public var reason: String
    public var message: String

    public init(reason: String, message: String) {
        self.reason = reason
        self.message = message
    }
}

/// Judges decoded image bytes: nil accepts them.
public typealias ImageValidator = @Sendable (Data) -> ImageVerdict?

/// The default judge: the format by its magic bytes, nothing more.
public enum MagicByteValidator {
    public static let validate: ImageValidator = { data in
        format(of: data) == nil
            ? ImageVerdict(reason: "INVALID_IMAGE_FORMAT",
                         message: "image format must be one of \(VideoModel.defaultModel.image.formats.joined(separator: ", "))")
            : nil
    }

    /// The accepted format the bytes start like, or nil.
    public static func format(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "gif" }
        if starts(Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return "webp" }
        if starts(Array("BM".utf8)) { return "bmp" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "tiff" }
        return nil
    }
}
