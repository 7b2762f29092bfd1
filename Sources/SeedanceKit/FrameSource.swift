public import FrameKit
public import Foundation

/// A frame as the caller names it: local bytes or a file for the image stage, or an http(s)
/// URL, which is sent as the URL when it checks compliant and embedded otherwise.
public enum FrameSource: Sendable, Hashable {
    case image(ImageInput)
    case url(URL)

    /// Reads a command-line style argument: a path, `-`, a `data:` URI or an http(s) URL.
    public init(argument: String) {
        let lower = argument.lowercased()
        if (lower.hasPrefix("http://") || lower.hasPrefix("https://")), let url = URL(string: argument) {
            self = .url(url)
        } else if argument == "-" {
            self = .image(.standardInput)
        } else if argument.hasPrefix("data:") {
            self = .image(.dataURI(argument))
        } else {
            self = .image(.file(argument))
        }
    }

    /// How the source is named in the journal: never the bytes of a data URI.
    public var journalName: String {
        switch self {
        case .url(let url): url.absoluteString
        case .image(let input): input.displayName
        }
    }
}

/// A frame ready to go into a request: the string the API takes, and what it holds.
public struct RequestFrame: Sendable {
    public var role: FrameRole
    public var source: FrameSource
    /// An http(s) URL, or a `data:image/<fmt>;base64,` URI.
    public var requestString: String
    /// The prepared bytes, or nil when a compliant URL is passed through.
    public var prepared: PreparedFrame?
    /// SHA-256 of the bytes sent (or fetched, when the URL is sent).
    public var digest: String
    public var width: Int
    public var height: Int
}
