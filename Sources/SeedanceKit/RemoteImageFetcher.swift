public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Fetches an image URL with bounded bytes, time and redirects, and refuses addresses an
/// embedding server must not be tricked into reaching (loopback, private, link-local) unless
/// the caller allows them.
public struct RemoteImageFetcher: Sendable {
    public struct Configuration: Sendable {
        public var maxBytes: Int
        /// Seconds for the whole exchange of one hop.
        public var timeout: Double
        public var maxRedirects: Int
        /// Allow loopback, private and link-local addresses (tests, trusted intranets).
        public var allowsPrivateAddresses: Bool

        public init(maxBytes: Int = 64 * 1024 * 1024, timeout: Double = 30, maxRedirects: Int = 3, allowsPrivateAddresses: Bool = false) {
            self.maxBytes = maxBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.allowsPrivateAddresses = allowsPrivateAddresses
        }
    }

    public struct FetchError: Error, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case unsupportedScheme, forbiddenAddress, unresolvable, tooManyRedirects, httpStatus, tooLarge, transport
        }
        public var kind: Kind
        public var url: String
        public var message: String
        public var description: String { "\(url): \(message)" }
    }

    public var configuration: Configuration
    private let client: HTTPClient

    public init(configuration: Configuration = Configuration(), client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
    }

    /// The body and the content type's subtype (for "declared type" notes).
    public func fetch(_ url: URL) async throws(FetchError) -> (data: Data, declaredType: String?) {
        var current = url
        for _ in 0...configuration.maxRedirects {
            try AddressGuard(allowsPrivate: configuration.allowsPrivateAddresses).check(current)
            var request = HTTPClientRequest(url: current.absoluteString)
            request.method = .GET
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: .milliseconds(Int64(configuration.timeout * 1000)))
            } catch {
                throw FetchError(kind: .transport, url: current.absoluteString, message: "fetch failed: \(error)")
            }
            if (300..<400).contains(Int(response.status.code)), let location = response.headers.first(name: "location"),
               let next = URL(string: location, relativeTo: current)?.absoluteURL {
                current = next
                continue
            }
            guard response.status == .ok else {
                throw FetchError(kind: .httpStatus, url: current.absoluteString, message: "the server answered HTTP \(response.status.code); expected 200 with the image")
            }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > configuration.maxBytes {
                throw FetchError(kind: .tooLarge, url: current.absoluteString, message: "\(length) bytes is over the \(configuration.maxBytes)-byte cap for URL inputs")
            }
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: configuration.maxBytes)
            } catch is NIOTooManyBytesError {
                throw FetchError(kind: .tooLarge, url: current.absoluteString, message: "more than \(configuration.maxBytes) bytes (the cap for URL inputs)")
            } catch {
                throw FetchError(kind: .transport, url: current.absoluteString, message: "reading the body failed: \(error)")
            }
            let type = response.headers.first(name: "content-type")?.split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let declared = type.flatMap { $0.hasPrefix("image/") ? String($0.dropFirst(6)) : nil }
            return (Data(buffer: body), declared)
        }
        throw FetchError(kind: .tooManyRedirects, url: url.absoluteString, message: "more than \(configuration.maxRedirects) redirects")
    }
}
