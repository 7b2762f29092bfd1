import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Judges one hop of a URL fetch: the scheme must be http or https, and the host must resolve
/// only to addresses a server-side caller may reach on a user's behalf. It returns the address it
/// judged, so the fetcher connects to that address and no other: a DNS answer that changes between
/// the check and the connection (rebinding) cannot move the connection elsewhere.
struct AddressGuard {
    var allowsPrivate: Bool
    /// The rule for one resolved address; ``isForbidden(_:)`` unless a caller narrows or widens it.
    var forbids: @Sendable (String) -> Bool = AddressGuard.isForbidden

    /// A hop that passed: the host as the URL names it, and the address to connect to (nil when
    /// private addresses are allowed and the name is left to the HTTP client's resolver).
    struct Verdict {
        var host: String
        var address: String?
    }

    @discardableResult
    func check(_ url: URL) throws(RemoteImageFetcher.FetchError) -> Verdict {
        let text = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .init(kind: .unsupportedScheme, url: text, message: "only http and https URLs are fetched (not \(url.scheme ?? "a bare path"))")
        }
        guard let host = url.host, !host.isEmpty else {
            throw .init(kind: .unresolvable, url: text, message: "the URL has no host")
        }
        if allowsPrivate { return Verdict(host: host, address: nil) }
        let addresses = try resolve(host, url: text)
        // Every answer is judged, not just the one used: a name that mixes public and private
        // answers is refused whichever one the connection would have picked.
        if let bad = addresses.first(where: forbids) {
            throw .init(
                kind: .forbiddenAddress, url: text,
                message: "\(host) resolves to \(bad), a loopback, private or link-local address, refused unless private addresses are allowed")
        }
        guard let first = addresses.first else {
            throw .init(kind: .unresolvable, url: text, message: "cannot resolve \(host)")
        }
        return Verdict(host: host, address: first)
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

    /// Loopback, private (RFC 1918, ULA), link-local, carrier-grade NAT, unspecified, multicast,
    /// judged on the parsed bytes, so every spelling of an address (`::1`, `0:0:0:0:0:0:0:1`,
    /// `::ffff:7f00:1`, a NAT64 `64:ff9b::…`) gets the same answer. Text that is not an address
    /// is refused.
    static func isForbidden(_ address: String) -> Bool {
        let bare = String(address.prefix { $0 != "%" })  // drop an IPv6 zone ("fe80::1%eth0")
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            return isForbidden(ipv4: withUnsafeBytes(of: &v4) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return isForbidden(ipv6: withUnsafeBytes(of: &v6) { Array($0) })
        }
        return true
    }

    /// Four bytes in network order.
    private static func isForbidden(ipv4 b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): true
        case (169, 254), (192, 168): true
        case (172, 16...31), (100, 64...127): true
        case (224...255, _): true
        default: false
        }
    }

    /// Sixteen bytes in network order.
    private static func isForbidden(ipv6 b: [UInt8]) -> Bool {
        let embeddedV4 = Array(b[12..<16])
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF {
            return isForbidden(ipv4: embeddedV4)  // IPv4-mapped ::ffff:a.b.c.d
        }
        if b[0..<12].allSatisfy({ $0 == 0 }) {
            return true  // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if b[0..<4] == [0x00, 0x64, 0xFF, 0x9B] && b[4..<12].allSatisfy({ $0 == 0 }) {
            return isForbidden(ipv4: embeddedV4)  // NAT64 64:ff9b::/96
        }
        if b[0] & 0xFE == 0xFC { return true }  // unique local fc00::/7
        if b[0] == 0xFE && b[1] & 0x80 == 0x80 { return true }  // link-local fe80::/10, site-local fec0::/10
        return b[0] == 0xFF  // multicast
    }
}
