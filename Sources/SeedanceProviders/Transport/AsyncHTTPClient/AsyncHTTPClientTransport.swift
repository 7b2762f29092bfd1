internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1
internal import SeedanceCore

/// ``HTTPTransport`` over AsyncHTTPClient: the one place the HTTP library is used.
///
/// Owns an `HTTPClient`: call ``shutdown()`` when done, or use ``withTransport(_:_:)``.
/// Redirects are never followed here: the image fetcher judges each hop itself and downloads
/// follow the provider's own redirects with their own bound.
public final class AsyncHTTPClientTransport: HTTPTransport {
    public struct Configuration: Sendable {
        public var connectTimeout: Duration
        /// The longest silence allowed while waiting for an answer.
        public var readTimeout: Duration?
        /// Host names answered from this table instead of DNS: the image fetcher pins a name to
        /// the address its guard judged (TLS still verifies the certificate for the name).
        public var pinnedAddresses: [String: String]

        public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration? = nil, pinnedAddresses: [String: String] = [:]) {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.pinnedAddresses = pinnedAddresses
        }
    }

    private let client: HTTPClient

    public init(configuration: Configuration = Configuration()) {
        var http = HTTPClient.Configuration(
            timeout: .init(connect: TimeAmount(configuration.connectTimeout), read: configuration.readTimeout.map { TimeAmount($0) }))
        // We retry ourselves, and only where money allows; AHC's own reconnect loop would hide
        // the "never connected" proof behind a generic timeout.
        http.connectionPool.retryConnectionEstablishment = false
        http.redirectConfiguration = .disallow
        http.dnsOverride = configuration.pinnedAddresses
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Runs `body` with a transport and shuts it down afterwards, whatever happens.
    public static func withTransport<Result: Sendable>(
        _ configuration: Configuration = Configuration(), _ body: (AsyncHTTPClientTransport) async throws -> Result
    ) async throws -> Result {
        let transport = AsyncHTTPClientTransport(configuration: configuration)
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await body(transport))
        } catch {
            result = .failure(error)
        }
        do {
            try await transport.shutdown()
        } catch {
            // Only a second shutdown fails, and this function shuts down once: nothing the
            // caller got depends on it.
            assertionFailure("transport shut down twice: \(error)")
        }
        return try result.get()
    }

    public func send(_ request: HTTPRequest, timeout: Duration?) async throws(TransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            let buffers = body.map { ByteBuffer(bytes: $0) }
            outgoing.body = .stream(buffers, length: body.length.map { .known(Int64($0)) } ?? .unknown)
        }
        let response: HTTPClientResponse
        do {
            let deadline: NIODeadline = timeout.map { .now() + TimeAmount($0) } ?? .distantFuture
            response = try await client.execute(outgoing, deadline: deadline)
        } catch {
            throw TransportError(TransportFailure(classifying: error), summary: TransportFailure.summary(of: error))
        }
        var headers = HTTPHeaderFields()
        for (name, value) in response.headers {
            headers.add(name: name, value: value)
        }
        let body = response.body
        let length = response.headers.first(name: "Content-Length").flatMap { Int($0) }
        return HTTPResponse(
            status: Int(response.status.code), headers: headers,
            body: HTTPBody(length: length) {
                var iterator = body.makeAsyncIterator()
                return {
                    do {
                        return try await iterator.next().map { Array(buffer: $0) }
                    } catch {
                        throw TransportError(TransportFailure(classifying: error), summary: TransportFailure.summary(of: error))
                    }
                }
            })
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
