public import AsyncHTTPClient
public import Foundation
internal import NIOCore
internal import NIOHTTP1

/// Streams a result video to disk: into a temporary file beside the destination, then one
/// atomic rename, so the destination is either absent or the complete video.
///
/// Sends no credentials: result URLs are presigned and may point at another host.
public struct VideoDownloader: Sendable {
    let httpClient: HTTPClient
    let retry: RetryPolicy
    let timeSource: TimeSource

    public init(httpClient: HTTPClient, retry: RetryPolicy = .read, timeSource: TimeSource = .system) {
        self.httpClient = httpClient
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
        freshURL: @Sendable () async throws -> String? = { nil }
    ) async throws -> URL {
        if !force, FileManager.default.fileExists(atPath: destination.path) {
            throw SeedanceError(.outputExists, "\(destination.path) exists; pass --force to replace it")
        }
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).part")
        defer { try? FileManager.default.removeItem(at: temporary) }

        var currentURL = url
        var refreshed = false
        var attempts = 0
        var waited = Duration.zero
        while true {
            attempts += 1
            let outcome: AttemptOutcome
            var failure: (any Error)?
            do {
                try await fetch(currentURL, into: temporary)
                try commit(temporary, to: destination, force: force)
                return destination
            } catch let error as DownloadRefusal {
                if error.status == 403, !refreshed, let fresh = try await freshURL() {
                    refreshed = true
                    currentURL = fresh
                    continue
                }
                outcome = .response(status: error.status, retryAfter: error.retryAfter)
                failure = error.asSeedanceError
            } catch let error as SeedanceError {
                throw error
            } catch {
                outcome = .transport(TransportFailure(classifying: error))
                failure = error
            }
            guard case .retry(let retryAfter) = ReadFailureClassifier.decide(outcome),
                  let delay = retry.delay(forAttempt: attempts, retryAfter: retryAfter, waitedSoFar: waited, jitter: timeSource.jitter())
            else {
                if let error = failure as? SeedanceError { throw error }
                throw SeedanceError(.unreachable, "download failed after \(attempts) attempt(s): \(failure.map { "\($0)" } ?? "unknown error")")
            }
            try await timeSource.sleep(delay)
            waited += delay
        }
    }

    /// One attempt: checks the answer, then streams its body into `temporary` (truncated first).
    private func fetch(_ url: String, into temporary: URL) async throws {
        let response = try await followingRedirects(from: url)
        let status = Int(response.status.code)
        guard status == 200 else {
            throw DownloadRefusal(status: status, retryAfter: response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) })
        }
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard Self.isVideo(contentType: contentType) else {
            throw SeedanceError(.invalidDownload, "the video URL answered with content type \"\(contentType)\", not a video; nothing was saved")
        }
        let expected = response.headers.first(name: "Content-Length").flatMap { Int($0) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o644]) else {
            throw SeedanceError(.localIO, "cannot create \(temporary.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        defer { try? handle.close() }
        var received = 0
        for try await chunk in response.body {
            try chunk.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
            received += chunk.readableBytes
        }
        if let expected, expected != received {
            throw SeedanceError(.invalidDownload, "the download ended after \(received) of \(expected) bytes")
        }
        if received == 0 {
            throw SeedanceError(.invalidDownload, "the video URL answered with an empty body")
        }
        try handle.synchronize()
    }

    /// The provider's storage may redirect a result URL (a CDN, a regional bucket); the URL is
    /// the provider's, not user input, so redirects are followed, a bounded number of times and
    /// only to http(s). The final answer is judged by the caller like any other.
    private func followingRedirects(from url: String) async throws -> HTTPClientResponse {
        var current = url
        for _ in 0...Self.maxRedirects {
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "User-Agent", value: SeedanceVersion.userAgent)
            let response = try await httpClient.execute(request, deadline: .distantFuture)
            guard [301, 302, 303, 307, 308].contains(Int(response.status.code)),
                  let location = response.headers.first(name: "Location") else {
                return response
            }
            guard let base = URL(string: current), let next = URL(string: location, relativeTo: base)?.absoluteURL,
                  let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw SeedanceError(.invalidDownload, "the video URL redirected to \"\(location.prefix(200))\", which is not an http(s) URL; nothing was saved")
            }
            current = next.absoluteString
        }
        throw SeedanceError(.invalidDownload, "the video URL redirected more than \(Self.maxRedirects) times; nothing was saved")
    }

    static let maxRedirects = 5

    private func commit(_ temporary: URL, to destination: URL, force: Bool) throws {
        if !force, FileManager.default.fileExists(atPath: destination.path) {
            throw SeedanceError(.outputExists, "\(destination.path) appeared while downloading; pass --force to replace it")
        }
        // rename(2) replaces atomically; readers see the old file or the whole new one.
        guard rename(temporary.path, destination.path) == 0 else {
            throw SeedanceError(.localIO, "cannot move the download to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    static func isVideo(contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.hasPrefix("video/") || type == "application/octet-stream"
    }
}

/// A non-200 answer from a video URL.
private struct DownloadRefusal: Error {
    var status: Int
    var retryAfter: Duration?

    var asSeedanceError: SeedanceError {
        let hint = status == 403 ? "the video URL has expired or is refused; run `seedance wait` again for a fresh one" : "the video URL refused the download"
        return SeedanceError(.provider(ProviderError(httpStatus: status, reason: "", message: hint)), "download failed")
    }
}
