import Foundation
import SeedanceAPI
import Testing

@Suite struct RetryDecisionTests {
    static let submitTable: [(AttemptOutcome, RetryDecision)] = [
        (.response(status: 200, retryAfter: nil), .accept),
        (.response(status: 429, retryAfter: nil), .retry(retryAfter: nil)),
        (.response(status: 429, retryAfter: .seconds(3)), .retry(retryAfter: .seconds(3))),
        (.response(status: 503, retryAfter: .seconds(9)), .retry(retryAfter: .seconds(9))),
        (.response(status: 500, retryAfter: nil), .outcomeUnknown),
        (.response(status: 502, retryAfter: nil), .outcomeUnknown),
        (.response(status: 504, retryAfter: .seconds(1)), .outcomeUnknown),
        (.response(status: 400, retryAfter: nil), .refuse),
        (.response(status: 403, retryAfter: nil), .refuse),
        (.response(status: 404, retryAfter: nil), .refuse),
        (.transport(.notConnected), .retry(retryAfter: nil)),
        (.transport(.readTimeout), .outcomeUnknown),
        (.transport(.connectionClosed), .outcomeUnknown),
        (.transport(.other), .outcomeUnknown),
    ]

    @Test(arguments: submitTable)
    func submitRetriesOnlyWhenTheServerProvablyDidNotTakeIt(outcome: AttemptOutcome, expected: RetryDecision) {
        #expect(SubmitFailureClassifier.decide(outcome) == expected)
    }

    static let readTable: [(AttemptOutcome, RetryDecision)] = [
        (.response(status: 200, retryAfter: nil), .accept),
        (.response(status: 500, retryAfter: nil), .retry(retryAfter: nil)),
        (.response(status: 429, retryAfter: .seconds(2)), .retry(retryAfter: .seconds(2))),
        (.response(status: 404, retryAfter: nil), .refuse),
        (.response(status: 403, retryAfter: nil), .refuse),
        (.transport(.readTimeout), .retry(retryAfter: nil)),
        (.transport(.connectionClosed), .retry(retryAfter: nil)),
        (.transport(.other), .retry(retryAfter: nil)),
    ]

    @Test(arguments: readTable)
    func readsRetryEverythingButRefusals(outcome: AttemptOutcome, expected: RetryDecision) {
        #expect(ReadFailureClassifier.decide(outcome) == expected)
    }

    static let policy = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(5), maxTotalWait: .seconds(20))

    static let backoffTable: [(attempt: Int, retryAfter: Duration?, waited: Duration, jitter: Double, expected: Duration?)] = [
        (1, nil, .zero, 1, .seconds(1)),
        (2, nil, .zero, 1, .seconds(2)),
        (3, nil, .zero, 1, .seconds(4)),
        (4, nil, .zero, 1, .seconds(5)),
        (4, nil, .zero, 0.5, .milliseconds(2500)),
        (1, nil, .zero, 0, .zero),
        (5, nil, .zero, 1, nil),
        (0, nil, .zero, 1, nil),
        (1, .seconds(7), .zero, 0, .seconds(7)),
        (1, .seconds(21), .zero, 1, nil),
        (2, nil, .seconds(19), 1, nil),
        (2, nil, .seconds(18), 1, .seconds(2)),
    ]

    @Test(arguments: backoffTable)
    func backoffIsCappedJitteredAndBounded(
        row: (attempt: Int, retryAfter: Duration?, waited: Duration, jitter: Double, expected: Duration?)
    ) {
        let delay = Self.policy.delay(forAttempt: row.attempt, retryAfter: row.retryAfter, waitedSoFar: row.waited, jitter: row.jitter)
        #expect(delay == row.expected)
    }

    static let retryAfterTable: [(String, Duration?)] = [
        ("120", .seconds(120)),
        (" 0 ", .zero),
        ("-1", nil),
        ("soon", nil),
        ("Thu, 01 Jan 2026 00:00:30 GMT", .seconds(30)),
        ("Wed, 31 Dec 2025 23:59:00 GMT", .zero),
    ]

    @Test(arguments: retryAfterTable)
    func retryAfterReadsSecondsAndDates(value: String, expected: Duration?) {
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        #expect(RetryAfter.parse(value, now: now) == expected)
    }

    @Test func pollIntervalGrowsToItsCeilingWithinTheJitterBand() {
        let schedule = PollSchedule.standard
        #expect(schedule.interval(afterPoll: 1, draw: 0.5) == .seconds(2))
        #expect(schedule.interval(afterPoll: 2, draw: 0.5) == .seconds(3))
        #expect(schedule.interval(afterPoll: 50, draw: 0.5) == .seconds(10))
        #expect(schedule.interval(afterPoll: 50, draw: 0) == .seconds(8))
        #expect(schedule.interval(afterPoll: 50, draw: 1) == .seconds(12))
    }
}
