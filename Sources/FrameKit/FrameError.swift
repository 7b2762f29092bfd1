/// Why the image stage could not do what was asked. Match on ``kind``; ``message`` is for people
/// and says what happened, which limit, and what to do next.
public struct FrameError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The input could not be read: missing, a directory, empty, unreachable, refused URL.
        case unreadable
        /// The bytes are not an image we recognise, or the header is corrupt.
        case notAnImage
        /// The format is known, but we do not decode it (an untrusted loader, or none here).
        case unsupportedFormat
        /// The declared pixel count is over the safety limit: decoding could exhaust memory.
        case tooLargeToDecode
        /// The input is larger than the byte cap for its source (stdin, URL, data URI).
        case inputTooLarge
        /// The pixel data is truncated or corrupt.
        case corruptPixelData
        /// libvips failed while transforming or encoding.
        case processingFailed
        /// No output within the rules exists (for example, the byte budget cannot be met).
        case cannotComply
        /// libvips could not start.
        case libvipsUnavailable
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
