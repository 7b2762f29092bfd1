import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refuses URLs whose host resolves to an address a server-side caller must not reach on a
/// user's behalf. The check resolves the name itself, so a DNS answer that changes between this
/// check and the connection (rebinding) is a known limit; deployments that care pin a resolver.
struct AddressGuard {
    var allowsPrivate: Bool

    func check(_ url: URL) throws(RemoteImageFetcher.FetchError) {
        let text = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .init(kind: .unsupportedScheme, url: text, message: "only http and https URLs are fetched (not \(url.scheme ?? "a bare path"))")
        }
        guard let host = url.host, !host.isEmpty else {
            throw .init(kind: .unresolvable, url: text, message: "the URL has no host")
        }
        if allowsPrivate { return }
        let addresses = try resolve(host, url: text)
        if let bad = addresses.first(where: Self.isForbidden) {
            throw .init(kind: .forbiddenAddress, url: text, message: "\(host) resolves to \(bad), a loopback, private or link-local address; pass --allow-private-urls (or set SEEDANCE_ALLOW_PRIVATE_URLS=1) if you mean it")
        }
    }

    private func resolve(_ host: String, url: String) throws(RemoteImageFetcher.FetchError) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bare, nil, &hints, &result) == 0, let first = result else {
            throw .init(kind: .unresolvable, url: url, message: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(result) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// Loopback, private (RFC 1918, ULA), link-local, carrier-grade NAT, unspecified, multicast.
    static func isForbidden(_ address: String) -> Bool {
        let lower = address.lowercased()
        if lower.contains(":") {
            if lower.hasPrefix("::ffff:") { return isForbidden(String(lower.dropFirst(7))) }
            return lower == "::1" || lower == "::" || lower.hasPrefix("fe8") || lower.hasPrefix("fe9")
                || lower.hasPrefix("fea") || lower.hasPrefix("feb") || lower.hasPrefix("fc") || lower.hasPrefix("fd")
                || lower.hasPrefix("ff")
        }
        let parts = lower.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return true }
        switch (parts[0], parts[1]) {
        case (0, _), (10, _), (127, _): return true
        case (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        case (224...255, _): return true
        default: return false
        }
    }
}
