import Foundation
import Testing

@testable import SeedanceKit

/// URL inputs must not turn an embedding server into an SSRF hole: addresses a user must not
/// reach through us are refused, public ones pass, and only http(s) is fetched.
@Suite("Address guard")
struct AddressGuardTests {
    static let forbidden = [
        // IPv4 loopback, "this network", private (RFC 1918), link-local, CGNAT, multicast, broadcast.
        "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3",
        "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255",
        "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255",
        "224.0.0.1", "239.255.255.250", "255.255.255.255",
        // IPv6 loopback and unspecified, also written out in full.
        "::1", "::", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001",
        // ULA, link-local (with and without a zone), multicast.
        "fc00::1", "fd12:3456:789a::1", "FD00::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1",
        // IPv4-mapped and IPv4-compatible forms of private and loopback IPv4.
        "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::ffff:7f00:1", "::FFFF:C0A8:0101",
        "::127.0.0.1",
        // NAT64 of a private address.
        "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe",
        // Not an address at all: refuse rather than guess.
        "", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "not-an-ip",
    ]

    static let allowed = [
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "192.167.1.1", "192.169.0.1",
        "100.63.255.255", "100.128.0.1", "169.253.1.1", "126.255.255.255", "223.255.255.254", "11.0.0.1",
        "2001:4860:4860::8888", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e",
        "::ffff:8.8.8.8", "64:ff9b::8.8.8.8",
    ]

    @Test("forbidden addresses", arguments: forbidden)
    func forbids(_ address: String) {
        #expect(AddressGuard.isForbidden(address), "\(address) should be refused")
    }

    @Test("public addresses", arguments: allowed)
    func allows(_ address: String) {
        #expect(!AddressGuard.isForbidden(address), "\(address) should be allowed")
    }

    @Test(
        "only http and https are fetched",
        arguments: [
            "file:///etc/passwd", "ftp://example.com/a.jpg", "gopher://example.com/", "data:image/png;base64,AAAA",
            "javascript:alert(1)", "FILE:///etc/hosts", "jar:http://example.com/a.jar!/a.png",
        ])
    func refusesSchemes(_ text: String) throws {
        let url = try #require(URL(string: text))
        for allowsPrivate in [false, true] {
            #expect(throws: RemoteImageFetcher.FetchError.self) { try AddressGuard(allowsPrivate: allowsPrivate).check(url) }
            do {
                try AddressGuard(allowsPrivate: allowsPrivate).check(url)
            } catch {
                #expect(error.kind == .unsupportedScheme, "\(text): \(error.kind)")
            }
        }
    }

    @Test(
        "loopback URLs are refused by default and allowed by the switch",
        arguments: [
            "http://127.0.0.1:8080/a.png", "http://[::1]/a.png", "https://localhost/a.png", "http://0.0.0.0/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.1/",
        ])
    func loopbackURLs(_ text: String) throws {
        let url = try #require(URL(string: text))
        do {
            try AddressGuard(allowsPrivate: false).check(url)
            Issue.record("\(text) was not refused")
        } catch {
            #expect(error.kind == .forbiddenAddress || error.kind == .unresolvable, "\(text): \(error.kind)")
        }
        #expect(throws: Never.self) { try AddressGuard(allowsPrivate: true).check(url) }
    }

    @Test("a URL without a host is refused")
    func noHost() throws {
        let url = try #require(URL(string: "http:///a.png"))
        #expect(throws: RemoteImageFetcher.FetchError.self) { try AddressGuard(allowsPrivate: true).check(url) }
    }
}
