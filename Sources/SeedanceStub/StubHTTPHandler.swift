internal import Foundation
internal import NIOCore
internal import NIOFoundationCompat
internal import NIOHTTP1

/// Collects each request whole, asks the provider what to do, and does it.
final class StubHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let provider: StubProvider
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(provider: StubProvider) {
        self.provider = provider
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            let request = RecordedRequest(
                method: head.method.rawValue, uri: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) },
                body: Data(buffer: body))
            self.head = nil
            switch provider.handle(request) {
            case .respond(let response):
                write(response, context: context)
            case .respondLater(let response, let delay):
                context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount.nanoseconds(Int64(delay / .nanoseconds(1)))) {
                    self.write(response, context: context)
                }
            case .hold:
                let channel = context.channel
                provider.state.withLockedValue { $0.heldConnections.append(channel) }
            case .drop:
                context.close(promise: nil)
            }
        }
    }

    /// Answers and closes: every response says `Connection: close`, so a client never reuses a
    /// connection the stand-in is about to drop.
    private func write(_ response: StubResponse, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: "close")
        for header in response.extraHeaders { headers.add(name: header.name, value: header.value) }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(data: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
