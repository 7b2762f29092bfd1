internal import Foundation
internal import SeedanceCore

/// Header fields in order, names compared without case (HTTP's rule).
public struct HTTPHeaderFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    public func first(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

/// One HTTP request as a provider or a fetcher builds it; the transport sends it.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case delete = "DELETE"
    }

    public var method: Method
    public var url: String
    public var headers: HTTPHeaderFields
    /// Nil for a request without a body.
    public var body: HTTPBody?

    public init(method: Method, url: String, headers: HTTPHeaderFields = [:], body: HTTPBody? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response as it arrives: the head at once, the body streamed.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaderFields
    public var body: HTTPBody

    public init(status: Int, headers: HTTPHeaderFields = [:], body: HTTPBody = HTTPBody()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The `Retry-After` the server gave, in seconds or as an HTTP date.
    public var retryAfter: Duration? {
        headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
    }
}

/// Why an HTTP exchange ended without a (whole) answer, already sorted by whether the request
/// can have left this machine: the one fact the money rules need from a transport.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public var failure: TransportFailure
    /// A short, lower-case account for messages ("connection refused").
    public var summary: String

    public init(_ failure: TransportFailure, summary: String) {
        self.failure = failure
        self.summary = summary
    }

    public var description: String { summary }
}

/// Sends requests: the seam between providers (and the image fetcher) and the HTTP library, so
/// that a provider's request building and answer classification are tested from tables with a
/// scripted transport, and integration tests use the real one over loopback.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns once the response head has arrived.
    ///
    /// - Parameter timeout: the whole exchange's limit; nil leaves only the transport's own
    ///   connect and read timeouts.
    /// - Throws: ``TransportError`` (the body's iteration throws it as well).
    func send(_ request: HTTPRequest, timeout: Duration?) async throws(TransportError) -> HTTPResponse
}

extension HTTPTransport {
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        try await send(request, timeout: nil)
    }
}
