public import Foundation
public import SeedanceCore

/// Streams a result video to disk through ``AtomicFileWriter``, so the destination is either
/// absent or the complete video.
///
/// Sends no credentials: result URLs are presigned and may point at another host.
public struct VideoDownloader: Sendable {
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let timeSource: TimeSource

    public init(transport: any HTTPTransport, retry: RetryPolicy = .read, timeSource: TimeSource = .system) {
        self.transport = transport
        self.retry = retry
        self.timeSource = timeSource
    }

    /// Downloads `url` to `destination`.
    ///
    /// - Parameters:
    ///   - force: replace an existing file; without it an existing file is an error and nothing is fetched.
    ///   - freshURL: called once after a 403 (an expired presigned URL) for a new URL; nil keeps the 403.
    /// - Returns: `destination`.
    /// - Throws: ``SeedanceError``: `.outputExists`, `.invalidDownload`, `.provider` (HTTP refusal), `.unreachable`, `.localIO`.
    @discardableResult
    public func download(
        from url: String,
        to destination: URL,
        force: Bool = false,
        content: DownloadContent = .video,
        freshURL: @Sendable () async throws -> String? = { nil }
    ) async throws -> URL {
        if !force, FileManager.default.fileExists(atPath: destination.path) {
            throw SeedanceError(.outputExists, "\(destination.path) exists; nothing was downloaded")
        }
        var currentURL = url
        var refreshed = false
        let outcome = await RetryLoop(policy: retry, timeSource: timeSource).run { _ -> RetryLoop.Step<(any Error)?, any Error> in
            do {
                do {
                    try await fetch(currentURL, to: destination, force: force, content: content)
                } catch let refusal as DownloadRefusal where refusal.status == 403 && !refreshed {
                    // An expired presigned URL: one fresh URL, tried at once (not a backoff attempt).
                    refreshed = true
                    guard let fresh = try await freshURL() else { throw refusal }
                    currentURL = fresh
                    try await fetch(currentURL, to: destination, force: force, content: content)
                }
                return .finish(nil)
            } catch let refusal as DownloadRefusal {
                guard case .retry(let retryAfter) = ReadFailureClassifier.decide(.response(status: refusal.status, retryAfter: refusal.retryAfter))
                else {
                    return .finish(refusal.asSeedanceError)
                }
                return .retry(refusal.asSeedanceError, retryAfter: retryAfter)
            } catch let error as SeedanceError {
                return .finish(error)
            } catch let error as TransportError {
                guard case .retry(let retryAfter) = ReadFailureClassifier.decide(.transport(error.failure)) else {
                    return .finish(error)
                }
                return .retry(error, retryAfter: retryAfter)
            } catch {
                return .finish(error)
            }
        }
        switch outcome {
        case .finished(nil, _):
            return destination
        case .finished(let error?, _):
            throw error
        case .gaveUp(let error as SeedanceError, _, _):
            throw error
        case .gaveUp(let error, let attempts, _):
            throw SeedanceError(.unreachable, "download failed after \(attempts) attempt(s): \(error)")
        }
    }

    /// One attempt: checks the answer, streams its body into a temporary file and renames it into
    /// place only when whole; a failed attempt leaves nothing behind.
    private func fetch(_ url: String, to destination: URL, force: Bool, content: DownloadContent) async throws {
        let response = try await followingRedirects(from: url)
        guard response.status == 200 else {
            throw DownloadRefusal(status: response.status, retryAfter: response.retryAfter)
        }
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard content.accepts(contentType: contentType) else {
            throw SeedanceError(
                .invalidDownload, "the \(content.noun) URL answered with content type \"\(contentType)\", not \(content.article); nothing was saved")
        }
        let expected = response.headers.first(name: "Content-Length").flatMap { Int($0) }
        let writer = try AtomicFileWriter(destination: destination)
        var received = 0
        for try await chunk in response.body {
            try writer.write(chunk)
            received += chunk.count
        }
        if let expected, expected != received {
            throw SeedanceError(.invalidDownload, "the download ended after \(received) of \(expected) bytes")
        }
        if received == 0 {
            throw SeedanceError(.invalidDownload, "the video URL answered with an empty body")
        }
        if !force, FileManager.default.fileExists(atPath: destination.path) {
            throw SeedanceError(.outputExists, "\(destination.path) appeared while downloading; it was left as it is")
        }
        try writer.commit()
    }

    /// The provider's storage may redirect a result URL (a CDN, a regional bucket); the URL is
    /// the provider's, not user input, so redirects are followed, a bounded number of times and
    /// only to http(s). The final answer is judged by the caller like any other.
    private func followingRedirects(from url: String) async throws -> HTTPResponse {
        var current = url
        for _ in 0...Self.maxRedirects {
            let request = HTTPRequest(method: .get, url: current, headers: ["User-Agent": SeedanceVersion.userAgent])
            let response = try await transport.send(request)
            guard [301, 302, 303, 307, 308].contains(response.status),
                let location = response.headers.first(name: "Location")
            else {
                return response
            }
            guard let base = URL(string: current), let next = URL(string: location, relativeTo: base)?.absoluteURL,
                let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else {
                throw SeedanceError(
                    .invalidDownload, "the video URL redirected to \"\(location.prefix(200))\", which is not an http(s) URL; nothing was saved")
            }
            current = next.absoluteString
        }
        throw SeedanceError(.invalidDownload, "the video URL redirected more than \(Self.maxRedirects) times; nothing was saved")
    }

    static let maxRedirects = 5

}

/// What a download must be: its content type is checked before a byte is saved, so an HTML error
/// page is never kept as a video or a picture.
public enum DownloadContent: Sendable, Hashable {
    case video
    /// A still image: a video's last frame (PNG).
    case image

    func accepts(contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch self {
        case .video: return type.hasPrefix("video/") || type == "application/octet-stream"
        case .image: return type.hasPrefix("image/") || type == "application/octet-stream"
        }
    }

    var noun: String { self == .video ? "video" : "image" }
    var article: String { self == .video ? "a video" : "an image" }
}

/// A non-200 answer from a video URL.
private struct DownloadRefusal: Error {
    var status: Int
    var retryAfter: Duration?

    var asSeedanceError: SeedanceError {
        let text = status == 403 ? "the video URL has expired or is refused" : "the video URL refused the download"
        return SeedanceError(.provider(ProviderError(httpStatus: status, message: text)), "download failed")
    }
}
