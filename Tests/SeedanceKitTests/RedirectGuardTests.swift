import Foundation
import SeedanceKit
import Testing

/// Every hop of a URL fetch is judged before anything connects to it. The fetcher under test is
/// the production one; only the address rule is narrowed, so that 127.0.0.1 stands in for a
/// public host (Linux routes all of 127/8 to loopback, so 127.0.0.2 is a second, refused host).
@Suite("Redirects are judged hop by hop")
struct RedirectGuardTests {
    /// The real rule, except that 127.0.0.1 counts as public.
    static let rule: @Sendable (String) -> Bool = { $0 != "127.0.0.1" && RemoteImageFetcher.isForbiddenAddress($0) }

    static func fetcher(maxRedirects: Int = 3) -> RemoteImageFetcher {
        RemoteImageFetcher(configuration: .init(timeout: 10, maxRedirects: maxRedirects, forbidsAddress: rule))
    }

    static func fetchError(_ url: URL, maxRedirects: Int = 3) async -> RemoteImageFetcher.FetchError? {
        do {
            _ = try await fetcher(maxRedirects: maxRedirects).fetch(url)
            return nil
        } catch {
            return error
        }
    }

    @Test func aRedirectToARefusedAddressNeverReachesIt() async throws {
        try await FixtureServer.with(host: "127.0.0.2", serving: TestPaths.fixtures) { refused in
            try await FixtureServer.with(host: "127.0.0.1") { allowed in
                let secret = refused.url("/good-first.jpg")
                allowed.route("/start.jpg", .redirect(to: secret.absoluteString))
                let error = try #require(await Self.fetchError(allowed.url("/start.jpg")))
                #expect(error.kind == .forbiddenAddress)
                #expect(error.url == secret.absoluteString, "the error names the hop, not the first URL")
                #expect(error.message.contains("127.0.0.2"))
                #expect(allowed.requests(to: "/start.jpg") == 1)
                #expect(refused.totalRequests == 0, "the refused server saw a request")
            }
        }
    }

    @Test(
        "redirects to metadata, private and IPv6 loopback addresses are refused",
        arguments: [
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/secret.jpg", "http://10.0.0.1/secret.jpg",
            "http://[::ffff:127.0.0.2]/secret.jpg", "http://0.0.0.0/secret.jpg",
        ])
    func refusedTargets(_ target: String) async throws {
        try await FixtureServer.with { allowed in
            allowed.route("/start.jpg", .redirect(to: target, status: 307))
            let error = try #require(await Self.fetchError(allowed.url("/start.jpg")))
            #expect(error.kind == .forbiddenAddress, "\(target): \(error)")
            #expect(error.url == URL(string: target)?.absoluteString)
        }
    }

    @Test func aRedirectToAFileURLIsRefused() async throws {
        try await FixtureServer.with { server in
            server.route("/start.jpg", .redirect(to: "file:///etc/passwd"))
            let error = try #require(await Self.fetchError(server.url("/start.jpg")))
            #expect(error.kind == .unsupportedScheme)
            #expect(error.url == "file:///etc/passwd")
        }
    }

    @Test func aRedirectLoopIsStopped() async throws {
        try await FixtureServer.with { server in
            server.route("/a.jpg", .redirect(to: "/b.jpg"))
            server.route("/b.jpg", .redirect(to: server.url("/a.jpg").absoluteString))
            let error = try #require(await Self.fetchError(server.url("/a.jpg"), maxRedirects: 10))
            #expect(error.kind == .redirectLoop)
            #expect(server.requests(to: "/a.jpg") == 1)
            #expect(server.requests(to: "/b.jpg") == 1)
        }
    }

    @Test func tooManyRedirectsAreStopped() async throws {
        try await FixtureServer.with { server in
            for hop in 0..<10 { server.route("/r\(hop).jpg", .redirect(to: "r\(hop + 1).jpg")) }
            let error = try #require(await Self.fetchError(server.url("/r0.jpg"), maxRedirects: 3))
            #expect(error.kind == .tooManyRedirects)
            #expect(server.requests(to: "/r3.jpg") == 1)
            #expect(server.requests(to: "/r4.jpg") == 0, "the hop past the limit was fetched")
        }
    }

    @Test func redirectsBetweenAllowedHostsAreFollowed() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { target in
            try await FixtureServer.with { start in
                // An absolute redirect to another server, then a relative one on that server.
                start.route("/start.jpg", .redirect(to: target.url("/moved.jpg").absoluteString, status: 301))
                target.route("/moved.jpg", .redirect(to: "good-first.jpg", status: 308))
                let fetched = try await Self.fetcher().fetch(start.url("/start.jpg"))
                #expect(fetched.data == (try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg")))))
                #expect(fetched.declaredType == "jpeg")
                #expect(target.requests(to: "/good-first.jpg") == 1)
            }
        }
    }

    @Test func theDefaultRuleRefusesTheFirstHopOnLoopback() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            do {
                _ = try await RemoteImageFetcher().fetch(server.url("/good-first.jpg"))
                Issue.record("a loopback URL was fetched")
            } catch let error as RemoteImageFetcher.FetchError {
                #expect(error.kind == .forbiddenAddress)
            }
            #expect(server.totalRequests == 0)
        }
    }
}
