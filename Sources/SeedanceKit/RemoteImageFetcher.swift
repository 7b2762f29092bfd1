public import Foundation
import SeedanceAPI

/// Fetches an image URL with bounded bytes, time and redirects, and refuses addresses an
/// embedding server must not be tricked into reaching (loopback, private, link-local) unless
/// the caller allows them.
///
/// Redirects are followed here, never inside the HTTP client: every hop is judged by the
/// address guard before anything connects to it, and the connection goes to the address that
/// was judged (the client's DNS override), so a name that re-resolves differently cannot move it.
public struct RemoteImageFetcher: Sendable {
    public struct Configuration: Sendable {
        public var maxBytes: Int
        /// Seconds for the whole exchange of one hop.
        public var timeout: Double
        public var maxRedirects: Int
        /// Allow loopback, private and link-local addresses (tests, trusted intranets).
        public var allowsPrivateAddresses: Bool
        /// The rule for one resolved address (numeric text such as `10.0.0.1` or `::1`); true
        /// refuses it. Defaults to the loopback/private/link-local rule; an embedder may tighten it.
        public var forbidsAddress: @Sendable (String) -> Bool

        public init(
            maxBytes: Int = 64 * 1024 * 1024, timeout: Double = 30, maxRedirects: Int = 3, allowsPrivateAddresses: Bool = false,
            forbidsAddress: @escaping @Sendable (String) -> Bool = RemoteImageFetcher.isForbiddenAddress
        ) {
            self.maxBytes = maxBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.allowsPrivateAddresses = allowsPrivateAddresses
            self.forbidsAddress = forbidsAddress
        }
    }

    public struct FetchError: Error, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case unsupportedScheme, forbiddenAddress, unresolvable, tooManyRedirects, redirectLoop, httpStatus, tooLarge, transport
        }
        public var kind: Kind
        /// The hop that failed (after a redirect, not the URL the caller gave).
        public var url: String
        public var message: String
        public var description: String { "\(url): \(message)" }
    }

    /// The default address rule: loopback, private (RFC 1918, ULA), link-local, carrier-grade
    /// NAT, unspecified and multicast are refused, in any spelling.
    public static func isForbiddenAddress(_ address: String) -> Bool {
        AddressGuard.isForbidden(address)
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The body and the content type's subtype (for "declared type" notes).
    public func fetch(_ url: URL) async throws(FetchError) -> (data: Data, declaredType: String?) {
        let addressGuard = AddressGuard(allowsPrivate: configuration.allowsPrivateAddresses, forbids: configuration.forbidsAddress)
        var current = url
        var visited: Set<String> = []
        var redirects = 0
        while true {
            let verdict = try addressGuard.check(current)
            visited.insert(current.absoluteString)
            let response = try await exchange(current, pinnedTo: verdict)
            switch response {
            case .image(let data, let declaredType):
                return (data, declaredType)
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw FetchError(
                        kind: .transport, url: current.absoluteString, message: "the redirect's Location \"\(location.prefix(200))\" is not a URL")
                }
                if visited.contains(next.absoluteString) {
                    throw FetchError(kind: .redirectLoop, url: next.absoluteString, message: "the redirects loop back to a URL already fetched")
                }
                redirects += 1
                if redirects > configuration.maxRedirects {
                    throw FetchError(
                        kind: .tooManyRedirects, url: next.absoluteString,
                        message: "more than \(configuration.maxRedirects) redirects from \(url.absoluteString)")
                }
                current = next
            }
        }
    }

    private enum HopResult {
        case image(Data, declaredType: String?)
        case redirect(location: String)
    }

    /// One request to one judged hop, with a transport of its own: no redirects, and the name
    /// pinned to the judged address (TLS still verifies the certificate for the name).
    private func exchange(_ url: URL, pinnedTo verdict: AddressGuard.Verdict) async throws(FetchError) -> HopResult {
        var transport = AsyncHTTPClientTransport.Configuration(connectTimeout: .seconds(10))
        if let address = verdict.address, address != verdict.host {
            transport.pinnedAddresses = [verdict.host: address]
        }
        do {
            return try await AsyncHTTPClientTransport.withTransport(transport) { transport in
                try await exchange(url, over: transport).get()
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(kind: .transport, url: url.absoluteString, message: "fetch failed: \(error)")
        }
    }

    private func exchange(_ url: URL, over transport: any HTTPTransport) async -> Result<HopResult, FetchError> {
        let text = url.absoluteString
        let request = HTTPRequest(method: .get, url: text, headers: ["User-Agent": SeedanceVersion.userAgent])
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: .milliseconds(Int64(configuration.timeout * 1000)))
        } catch {
            return .failure(FetchError(kind: .transport, url: text, message: "fetch failed: \(error.summary)"))
        }
        if [301, 302, 303, 307, 308].contains(response.status) {
            guard let location = response.headers.first(name: "location") else {
                return .failure(FetchError(kind: .httpStatus, url: text, message: "the server answered HTTP \(response.status) without a Location"))
            }
            return .success(.redirect(location: location))
        }
        guard response.status == 200 else {
            return .failure(
                FetchError(kind: .httpStatus, url: text, message: "the server answered HTTP \(response.status); expected 200 with the image"))
        }
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > configuration.maxBytes {
            return .failure(
                FetchError(kind: .tooLarge, url: text, message: "\(length) bytes is over the \(configuration.maxBytes)-byte cap for URL inputs"))
        }
        let body: [UInt8]
        do {
            body = try await response.body.collect(upTo: configuration.maxBytes)
        } catch is HTTPBody.TooLarge {
            return .failure(FetchError(kind: .tooLarge, url: text, message: "more than \(configuration.maxBytes) bytes (the cap for URL inputs)"))
        } catch {
            return .failure(FetchError(kind: .transport, url: text, message: "reading the body failed: \(error)"))
        }
        let type = response.headers.first(name: "content-type")?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let declared = type.flatMap { $0.hasPrefix("image/") ? String($0.dropFirst(6)) : nil }
        return .success(.image(Data(body), declaredType: declared))
    }
}
