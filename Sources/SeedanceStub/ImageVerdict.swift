public import Foundation
internal import SeedanceCore

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

/// Judges decoded image bytes and the `<fmt>` their data URI declared: nil accepts them.
public typealias ImageValidator = @Sendable (_ bytes: Data, _ declaredFormat: String) -> ImageVerdict?

/// The default judge: the format by its magic bytes, nothing more.
public enum MagicByteValidator {
    public static let validate: ImageValidator = { data, _ in
        format(of: data) == nil
            ? ImageVerdict(
                reason: "INVALID_IMAGE_FORMAT",
                message: "image format must be one of \(VideoModel.defaultModel.image.formats.joined(separator: ", "))")
            : nil
    }

    /// The accepted format the bytes start like, or nil.
    public static func format(of data: Data) -> String? {
        ImageHeaderReader.format(of: [UInt8](data.prefix(12)))
    }
}
