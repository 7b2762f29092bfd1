public import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP server inside the test process, for URL inputs: serves files from a folder and
/// answers routes (bytes, redirects, statuses), and counts the requests each path received.
/// It can bind any loopback address (127.0.0.1, 127.0.0.2, …: Linux routes all of 127/8 to
/// loopback), so one test can run a server the address guard allows next to one it refuses.
/// Nothing runs outside the test process, and ``with(host:serving:_:)`` always stops it.
public final class FixtureServer: Sendable {
    public enum Route: Sendable {
        case bytes(Data, contentType: String)
        /// Answers `status` (302 unless told) with `Location: <location>`, verbatim.
        case redirect(to: String, status: Int = 302)
        case status(Int)
    }

    public let host: String
    public let port: Int
    private let channel: any Channel
    private let state: NIOLockedValueBox<State>

    struct State {
        var routes: [String: Route] = [:]
        var counts: [String: Int] = [:]
    }

    private init(host: String, port: Int, channel: any Channel, state: NIOLockedValueBox<State>) {
        self.host = host
        self.port = port
        self.channel = channel
        self.state = state
    }

    /// Starts a server on `host` (a free port); files under `directory` answer by name.
    public static func start(host: String = "127.0.0.1", serving directory: URL? = nil) async throws -> FixtureServer {
        let state = NIOLockedValueBox(State())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FixtureHandler(state: state, directory: directory))
                }
            }
            .bind(host: host, port: 0)
            .get()
        return FixtureServer(host: host, port: channel.localAddress?.port ?? 0, channel: channel, state: state)
    }

    /// Runs `body` with a started server and stops the server whether `body` throws or not.
    public static func with<T>(
        host: String = "127.0.0.1", serving directory: URL? = nil,
        _ body: (FixtureServer) async throws -> T
    ) async throws -> T {
        let server = try await start(host: host, serving: directory)
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// `http://host:port/path` (`path` starts with `/`).
    public func url(_ path: String) -> URL {
        URL(string: "http://\(host):\(port)\(path)")!
    }

    /// Answers `path` (without query) with `route` from now on.
    public func route(_ path: String, _ route: Route) {
        state.withLockedValue { $0.routes[path] = route }
    }

    /// How many requests `path` received, whatever the answer was.
    public func requests(to path: String) -> Int {
        state.withLockedValue { $0.counts[path] ?? 0 }
    }

    /// How many requests the server received on any path.
    public var totalRequests: Int {
        state.withLockedValue { $0.counts.values.reduce(0, +) }
    }

    public func stop() async throws {
        try await channel.close()
    }
}

/// Reads one request, counts it, answers it and closes the connection.
private final class FixtureHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: NIOLockedValueBox<FixtureServer.State>
    private let directory: URL?
    private var path: String?

    init(state: NIOLockedValueBox<FixtureServer.State>, directory: URL?) {
        self.state = state
        self.directory = directory
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = String(head.uri.prefix { $0 != "?" })
        case .body:
            break
        case .end:
            guard let path else { return }
            self.path = nil
            let route = state.withLockedValue { state -> FixtureServer.Route? in
                state.counts[path, default: 0] += 1
                return state.routes[path]
            }
            respond(route ?? fileRoute(path), context: context)
        }
    }

    /// A file under the served folder, by its name only: no `..`, no subfolders.
    private func fileRoute(_ path: String) -> FixtureServer.Route {
        let name = String(path.dropFirst())
        guard let directory, !name.isEmpty, !name.contains("/"), !name.hasPrefix("."),
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
        else {
            return .status(404)
        }
        let types = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp",
            "gif": "image/gif", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "mp4": "video/mp4",
        ]
        return .bytes(data, contentType: types[URL(fileURLWithPath: name).pathExtension.lowercased()] ?? "application/octet-stream")
    }

    private func respond(_ route: FixtureServer.Route, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Connection", value: "close")
        let status: Int
        var body = ByteBuffer()
        switch route {
        case .bytes(let data, let contentType):
            status = 200
            headers.add(name: "Content-Type", value: contentType)
            body.writeBytes(data)
        case .redirect(let location, let code):
            status = code
            headers.add(name: "Location", value: location)
        case .status(let code):
            status = code
        }
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
