internal import AsyncHTTPClient
internal import NIOCore
internal import NIOPosix
internal import SeedanceCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension TransportFailure {
    /// Sorts an error from the HTTP stack by whether the request can have left this machine.
    ///
    /// Only errors raised while connecting count as "not connected"; anything unrecognised is
    /// `.other`, which the submit path treats as possibly sent.
    init(classifying error: any Error) {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout: self = .notConnected
            case .readTimeout, .deadlineExceeded: self = .readTimeout
            case .remoteConnectionClosed: self = .connectionClosed
            default: self = .other
            }
        case is NIOConnectionError, is SocketAddressError:
            self = .notConnected
        case ChannelError.connectTimeout:
            self = .notConnected
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            self = .notConnected
        case let error as IOError where error.errnoCode == ECONNRESET || error.errnoCode == EPIPE:
            self = .connectionClosed
        case ChannelError.eof, ChannelError.ioOnClosedChannel, ChannelError.outputClosed:
            self = .connectionClosed
        default:
            self = .other
        }
    }
}

extension TransportFailure {
    /// A short, lower-case account of a transport error for messages: "connection refused",
    /// said once, not the nested dump of NIO's connection errors.
    public static func summary(of error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return summary(of: first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve \(error.host)" }
            return "cannot connect to \(error.host)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout: return "connection timed out"
            case .readTimeout, .deadlineExceeded: return "no answer within the time limit"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return String(describing: error)
            }
        case ChannelError.connectTimeout:
            return "connection timed out"
        case ChannelError.eof, ChannelError.ioOnClosedChannel, ChannelError.outputClosed:
            return "the connection closed"
        default:
            return String(describing: error)
        }
    }
}
