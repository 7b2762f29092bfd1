import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// A refusal keeps the provider's `Retry-After` on the error value, in both of its forms, so the
/// batch throttle can pause for it.
@Suite struct ProviderRetryAfterTests {
    /// Tried once, so the 429 comes back to the caller instead of being waited out here.
    static func refusedCreate(retryAfter: String?) async throws -> ProviderError {
        let failure: (any Error)? = try await SeedanceStub.with(StubConfiguration(apiKey: StubHarness.apiKey)) { stub in
            stub.inject(.error(status: 429, reason: "RATE_LIMIT_EXCEEDED", retryAfter: retryAfter), on: .submit)
            var configuration = SeedanceClient.Configuration(baseURL: stub.baseURL, apiKey: StubHarness.apiKey)
            configuration.submitRetry = .none
            defer { #expect(stub.postCount == 1) }
            do {
                _ = try await SeedanceClient.withClient(configuration) { try await $0.submit(StubHarness.request) }
                return nil
            } catch {
                return error
            }
        }
        guard let error = failure as? SeedanceError, case .provider(let provider) = error.kind else {
            Issue.record("expected a provider refusal, got \(String(describing: failure))")
            throw CancellationError()
        }
        #expect(provider.httpStatus == 429)
        return provider
    }

    @Test func secondsAreKept() async throws {
        #expect(try await Self.refusedCreate(retryAfter: "17").retryAfter == .seconds(17))
    }

    @Test func anHTTPDateBecomesTheWaitUntilThen() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let sent = Date()
        // Whole seconds on the wire.
        let until = Date(timeIntervalSince1970: (sent.timeIntervalSince1970 + 120).rounded(.down))
        let wait = try #require(try await Self.refusedCreate(retryAfter: formatter.string(from: until)).retryAfter)
        let answered = Date()
        // The wait is from when the answer was read, some time between sending and now (which a
        // loaded machine may make long): bounded by both, with a second for rounding.
        let longest = Duration.milliseconds(Int64((until.timeIntervalSince(sent) + 1) * 1000))
        let shortest = Duration.milliseconds(Int64((until.timeIntervalSince(answered) - 1) * 1000))
        #expect(wait <= longest && wait >= shortest, "\(wait) not in \(shortest)...\(longest)")
    }

    @Test func noHeaderNoWait() async throws {
        #expect(try await Self.refusedCreate(retryAfter: nil).retryAfter == nil)
    }
}
