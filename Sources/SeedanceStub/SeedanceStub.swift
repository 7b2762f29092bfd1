public import Foundation
internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix

/// A stand-in for the provider on 127.0.0.1, speaking the contract strictly, with faults on demand.
public final class SeedanceStub: Sendable {
    /// The port the server is bound to.
    public let port: Int
    private let channel: any Channel
    /// Internal, not private: the Ark accessors live in Ark/SeedanceStub+Ark.swift.
    let provider: StubProvider

    private init(port: Int, channel: any Channel, provider: StubProvider) {
        self.port = port
        self.channel = channel
        self.provider = provider
    }

    /// Starts listening on `127.0.0.1:port`; port 0 picks a free one (see ``port``).
    public static func start(_ configuration: StubConfiguration, port: Int = 0) async throws -> SeedanceStub {
        let provider = StubProvider(configuration: configuration)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(StubHTTPHandler(provider: provider))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        let boundPort = channel.localAddress?.port ?? port
        provider.state.withLockedValue { $0.baseURL = "http://127.0.0.1:\(boundPort)" }
        return SeedanceStub(port: boundPort, channel: channel, provider: provider)
    }

    /// Runs `body` with a started stand-in and stops it whether `body` returns or throws: the one
    /// way tests start one, so no listener or held connection outlives its test.
    public static func with<T>(
        _ configuration: StubConfiguration, port: Int = 0, _ body: (SeedanceStub) async throws -> T
    ) async throws -> T {
        let stub = try await start(configuration, port: port)
        do {
            let value = try await body(stub)
            try await stub.stop()
            return value
        } catch {
            try? await stub.stop()
            throw error
        }
    }

    /// `http://127.0.0.1:<port>`, to use as the client's base URL.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Queues `fault` for the next request to `endpoint`; several queue up in order.
    public func inject(_ fault: StubFault, on endpoint: StubEndpoint) {
        provider.state.withLockedValue { $0.faults[endpoint, default: []].append(fault) }
    }

    /// Makes tasks created from now on fail with `reason` (nil: succeed).
    public func setTaskFailure(reason: String?) {
        provider.state.withLockedValue { $0.configuration.taskFailureReason = reason }
    }

    /// How many create calls arrived, whatever became of them.
    public var postCount: Int { provider.state.withLockedValue { $0.postCount } }

    /// How many creates the limits refused with 429 (injected faults not included).
    public var limitRefusalCount: Int { provider.state.withLockedValue { $0.limitRefusals } }

    /// How many tasks exist.
    public var taskCount: Int { provider.state.withLockedValue { $0.tasks.count } }

    /// Every request received, in order.
    public var requests: [RecordedRequest] { provider.state.withLockedValue { $0.requests } }

    /// Resolves when the server has closed.
    public func waitUntilClosed() async throws {
        try await channel.closeFuture.get()
    }

    /// Stops listening and closes the connections ``StubFault/hang`` holds open.
    public func stop() async throws {
        let held = provider.state.withLockedValue { state in
            defer { state.heldConnections = [] }
            return state.heldConnections
        }
        for connection in held { try? await connection.close() }
        try await channel.close()
    }
}
