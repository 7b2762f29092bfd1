public import Foundation
public import FrameKit
import SeedanceAPI

/// A frame whose bytes are in hand: a URL fetched once (its bytes and their digest), standard
/// input read once, or a local input with, when a check earlier in the run read it, its header.
/// Every later step of the run (preparing, previewing, reporting) works from this value, so a
/// URL is never fetched twice and a header never read twice.
public struct ResolvedFrame: Sendable {
    /// The frame as the caller named it (what the store and the reports record).
    public let source: FrameSource
    /// What the image stage reads: the fetched bytes of a URL, or the local input.
    public let input: ImageInput
    /// SHA-256 of a URL's fetched bytes: the digest of what a URL sent by reference holds.
    public let fetchedDigest: String?
    /// The header as a check earlier in the run read it (a batch's plan), if any.
    public let header: HeaderInspection?

    /// A local input (a file, a data URI or bytes; standard input must be read first, with
    /// ``VideoSubmitter/resolve(_:role:)``), with its header when it was already read.
    public init(local input: ImageInput, header: HeaderInspection? = nil) {
        source = .image(input)
        self.input = input
        fetchedDigest = nil
        self.header = header
    }

    /// A URL's bytes, fetched once by the caller (with the caps and address rules it applies).
    public init(url: URL, data: Data, declaredType: String?) {
        source = .url(url)
        input = .bytes(data, name: url.absoluteString, declaredType: declaredType)
        fetchedDigest = SHA256Hex.digest(of: data)
        header = nil
    }

    init(source: FrameSource, input: ImageInput, fetchedDigest: String? = nil, header: HeaderInspection? = nil) {
        self.source = source
        self.input = input
        self.fetchedDigest = fetchedDigest
        self.header = header
    }

    /// The same frame with the header a check just read from these bytes, so preparing it
    /// does not read the header again.
    public func reading(header: HeaderInspection?) -> ResolvedFrame {
        ResolvedFrame(source: source, input: input, fetchedDigest: fetchedDigest, header: header)
    }
}

extension VideoSubmitter {
    /// The frame's bytes in hand: a URL fetched (once) through this submitter's fetcher,
    /// standard input read (once); a local file or data URI is left to be read by the image stage.
    /// - Throws: ``RemoteImageFetcher/FetchError`` (naming the frame), `FrameError` for standard input.
    public func resolve(_ source: FrameSource, role: FrameRole) async throws -> ResolvedFrame {
        switch source {
        case .url(let url):
            let fetched = try await fetch(url, role: role)
            return ResolvedFrame(url: url, data: fetched.data, declaredType: fetched.declaredType)
        case .image(let input):
            return ResolvedFrame(source: source, input: try input.readingStandardInput(maxBytes: policy.maxInputBytes))
        }
    }
}
