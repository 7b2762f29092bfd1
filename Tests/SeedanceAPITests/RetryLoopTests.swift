import SeedanceAPI
import Testing

@testable import SeedanceProviders

/// The one retry loop, driven by scripted attempts: how many run, what is waited, when it gives up.
@Suite struct RetryLoopTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Per attempt: nil finishes with the attempt's number; a value asks for a retry with that Retry-After (seconds; -1: none).
        var script: [Int?]
        var policy: RetryPolicy
        var finishedAt: Int?
        var attempts: Int
        var waits: [Duration]
        var testDescription: String { name }
    }

    static let policy = RetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(3), maxTotalWait: .seconds(10))

    static let cases: [Case] = [
        Case(name: "first attempt succeeds", script: [nil], policy: policy, finishedAt: 1, attempts: 1, waits: []),
        // jitter 0.5: backoff 1 s → 0.5 s, 2 s → 1 s.
        Case(
            name: "two retries with backoff", script: [-1, -1, nil], policy: policy, finishedAt: 3, attempts: 3,
            waits: [.milliseconds(500), .seconds(1)]),
        Case(name: "Retry-After replaces the backoff", script: [4, nil], policy: policy, finishedAt: 2, attempts: 2, waits: [.seconds(4)]),
        Case(
            name: "gives up after maxAttempts", script: [-1, -1, -1, -1, nil], policy: policy, finishedAt: nil, attempts: 4,
            waits: [.milliseconds(500), .seconds(1), .milliseconds(1500)]),
        Case(name: "a Retry-After past the total wait ends it", script: [11, nil], policy: policy, finishedAt: nil, attempts: 1, waits: []),
        Case(name: "never retries under .none", script: [-1, nil], policy: .none, finishedAt: nil, attempts: 1, waits: []),
    ]

    @Test(arguments: cases)
    func runsTheScript(_ testCase: Case) async {
        let waits = Locked<[Duration]>([])
        let timeSource = TimeSource(now: { .zero }, sleep: { duration in waits.withValue { $0.append(duration) } }, jitter: { 0.5 })
        let outcome = await RetryLoop(policy: testCase.policy, timeSource: timeSource).run { number -> RetryLoop.Step<Int, Int> in
            guard let retryAfter = testCase.script[number - 1] else { return .finish(number) }
            return .retry(number, retryAfter: retryAfter < 0 ? nil : .seconds(retryAfter))
        }
        switch outcome {
        case .finished(let value, let attempts):
            #expect(value == testCase.finishedAt)
            #expect(attempts == testCase.attempts)
        case .gaveUp(let lastFailure, let attempts, let cancelled):
            #expect(testCase.finishedAt == nil, "gave up after \(attempts) attempt(s)")
            #expect(lastFailure == attempts)
            #expect(attempts == testCase.attempts)
            #expect(!cancelled)
        }
        #expect(waits.current == testCase.waits)
    }

    @Test func aCancelledWaitGivesUpAndSaysSo() async {
        let timeSource = TimeSource(now: { .zero }, sleep: { _ in throw CancellationError() }, jitter: { 0.5 })
        let outcome = await RetryLoop(policy: Self.policy, timeSource: timeSource).run { number -> RetryLoop.Step<Int, Int> in
            .retry(number, retryAfter: nil)
        }
        guard case .gaveUp(_, let attempts, let cancelled) = outcome else {
            Issue.record("expected the loop to give up, got \(outcome)")
            return
        }
        #expect(attempts == 1)
        #expect(cancelled)
    }
}
