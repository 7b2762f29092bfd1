/// Why the image stage could not do what was asked. Match on ``kind``; ``message`` is for people
/// and says what happened, which limit, and what to do next.
public struct FrameError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Raw values are the snake_case ids every JSON document uses.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The input could not be read: missing, a directory, empty, unreachable, refused URL.
        case unreadable
        /// The bytes are not an image we recognise, or the header is corrupt.
        case notAnImage = "not_an_image"
        /// The format is known, but we do not decode it (an untrusted loader, or none here).
        case unsupportedFormat = "unsupported_format"
        /// The declared pixel count is over the safety limit: decoding could exhaust memory.
        case tooLargeToDecode = "too_large_to_decode"
        /// The input is larger than the byte cap for its source (stdin, URL, data URI).
        case inputTooLarge = "input_too_large"
        /// The pixel data is truncated or corrupt.
        case corruptPixelData = "corrupt_pixel_data"
        /// libvips failed while transforming or encoding.
        case processingFailed = "processing_failed"
        /// No output within the rules exists (for example, the byte budget cannot be met).
        case cannotComply = "cannot_comply"
        /// libvips could not start.
        case libvipsUnavailable = "libvips_unavailable"
    }

    public var kind: Kind
    public var message: String
    /// Which input (a path, URL, or "stdin"), when known.
    public var source: String?

    public init(_ kind: Kind, _ message: String, source: String? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
    }

    public var description: String {
        if let source { "\(source): \(message)" } else { message }
    }
}
