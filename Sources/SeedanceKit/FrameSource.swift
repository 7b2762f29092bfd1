public import Foundation
public import FrameKit
public import SeedanceAPI

/// A frame as the caller names it: local bytes or a file for the image stage, or an http(s)
/// URL, which is sent as the URL when it checks compliant and embedded otherwise.
public enum FrameSource: Sendable, Hashable {
    case image(ImageInput)
    case url(URL)

    /// Reads a command-line style argument: a path, `-`, a `data:` URI or an http(s) URL.
    public init(argument: String) {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://"), let url = URL(string: argument) {
            self = .url(url)
        } else if argument == "-" {
            self = .image(.standardInput)
        } else if argument.hasPrefix("data:") {
            self = .image(.dataURI(argument))
        } else {
            self = .image(.file(argument))
        }
    }

    /// How the source is named in the state store and in reports: never the bytes of a data URI.
    public var recordedName: String {
        switch self {
        case .url(let url): url.absoluteString
        case .image(let input): input.displayName
        }
    }
}

/// A frame ready to go into a request: what the create call carries, and what it holds.
public struct RequestFrame: Sendable {
    public var role: FrameRole
    public var source: FrameSource
    /// A URL sent by reference, or the prepared bytes sent inline.
    public var payload: FramePayload
    /// The prepared bytes, or nil when a compliant URL is passed through.
    public var prepared: PreparedFrame?
    /// SHA-256 of the bytes sent (or fetched, when the URL is sent).
    public var digest: String { payload.digest }
    public var width: Int
    public var height: Int
    /// The input's header as it was read to prepare this frame (its `before` when prepared; a
    /// URL sent by reference has only this): what drawing or reporting the original starts
    /// from, without reading the header again.
    public var inputReport: ImageReport?

    /// The input's size before preparing, and what preparing saved (0 for a pass-through or a URL).
    public var inputBytes: Int? { prepared?.before.bytes }
    public var bytesSaved: Int {
        guard let prepared else { return 0 }
        return max(0, prepared.before.bytes - prepared.bytes.count)
    }
}

extension FrameRole {
    /// The model's name for this frame's role.
    var fieldRole: FieldRule.FrameRole {
        switch self {
        case .first: .first
        case .last: .last
        }
    }
}
