import SeedanceAPI
import Testing

/// The create-rate bucket on a hand-driven clock: bursts, steady rate, 429 pauses and slowdowns.
@Suite("Token bucket")
struct TokenBucketTests {
    @Test("default burst", arguments: [(0, 1), (1, 1), (4, 1), (10, 2), (20, 4), (60, 5), (1000, 5)])
    func defaultBurst(_ example: (rate: Int, burst: Int)) {
        #expect(TokenBucket.defaultBurst(ratePerMinute: example.rate) == example.burst)
        #expect(TokenBucket(ratePerMinute: example.rate, now: .zero).burst == example.burst)
    }

    @Test func fullBucketAllowsTheBurstThenOnePerInterval() {
        var bucket = TokenBucket(ratePerMinute: 10, now: .zero)
        #expect(bucket.interval == .seconds(6))
        let took1 = bucket.take(at: .zero)
        #expect(took1)
        let took2 = bucket.take(at: .zero)
        #expect(took2)
        let took3 = bucket.take(at: .zero)
        #expect(!took3)
        #expect(bucket.nextAvailable(at: .zero) == .seconds(6))
        let took4 = bucket.take(at: .seconds(5))
        #expect(!took4)
        let took5 = bucket.take(at: .seconds(6))
        #expect(took5)
        #expect(bucket.nextAvailable(at: .seconds(6)) == .seconds(12))
    }

    @Test("never more than burst + rate in any minute", arguments: [1, 3, 10, 20, 57])
    func slidingMinuteHoldsTheRate(_ rate: Int) {
        var bucket = TokenBucket(ratePerMinute: rate, now: .zero)
        var taken: [Duration] = []
        var now = Duration.zero
        while now < .seconds(600) {
            now = bucket.nextAvailable(at: now)
            let took6 = bucket.take(at: now)
            #expect(took6)
            taken.append(now)
        }
        for (index, start) in taken.enumerated() {
            let inWindow = taken[index...].prefix { $0 < start + .seconds(60) }.count
            #expect(inWindow <= rate + bucket.burst)
        }
        // Over ten minutes the average is the configured rate (plus the first burst).
        #expect(taken.count <= rate * 10 + bucket.burst + 1)
        #expect(taken.count >= rate * 10 - 1)
    }

    @Test func penaltyPausesEveryoneAndSlowsTheRate() {
        var bucket = TokenBucket(ratePerMinute: 10, now: .zero)
        bucket.penalize(retryAfter: .seconds(30), at: .seconds(10))
        #expect(bucket.pausedUntil == .seconds(40))
        #expect(bucket.nextAvailable(at: .seconds(10)) == .seconds(40))
        let took7 = bucket.take(at: .seconds(39))
        #expect(!took7)
        #expect(bucket.interval == .seconds(9))
        // The pause ends with one create, not a burst.
        let took8 = bucket.take(at: .seconds(40))
        #expect(took8)
        #expect(bucket.nextAvailable(at: .seconds(40)) == .seconds(49))
    }

    @Test func aShorterRetryAfterDoesNotShortenAPause() {
        var bucket = TokenBucket(ratePerMinute: 10, now: .zero)
        bucket.penalize(retryAfter: .seconds(30), at: .zero)
        bucket.penalize(retryAfter: .seconds(1), at: .seconds(2))
        #expect(bucket.nextAvailable(at: .seconds(2)) == .seconds(30))
    }

    @Test("backoff without Retry-After", arguments: [(1, 5), (2, 10), (3, 20), (4, 40), (5, 60), (9, 60)])
    func backoff(_ example: (penalties: Int, seconds: Int)) {
        #expect(TokenBucket.backoff(afterPenalties: example.penalties) == .seconds(example.seconds))
    }

    @Test func penaltiesWithoutRetryAfterBackOffInARow() {
        var bucket = TokenBucket(ratePerMinute: 10, now: .zero)
        bucket.penalize(retryAfter: nil, at: .zero)
        #expect(bucket.pausedUntil == .seconds(5))
        bucket.penalize(retryAfter: nil, at: .seconds(5))
        #expect(bucket.pausedUntil == .seconds(15))
        bucket.recordSuccess()
        bucket.penalize(retryAfter: nil, at: .seconds(20))
        #expect(bucket.pausedUntil == .seconds(25))
    }

    @Test func slowdownStopsAtOneAMinuteAndRecoversAfterAStreak() {
        var bucket = TokenBucket(ratePerMinute: 10, now: .zero)
        for second in 0..<20 { bucket.penalize(retryAfter: .zero, at: .seconds(second)) }
        #expect(bucket.interval == TokenBucket.slowestInterval)
        var intervals: [Duration] = []
        for _ in 0..<(TokenBucket.recoveryStreak * 12) {
            bucket.recordSuccess()
            intervals.append(bucket.interval)
        }
        #expect(intervals[TokenBucket.recoveryStreak - 2] == .seconds(60))
        #expect(intervals[TokenBucket.recoveryStreak - 1] == .seconds(40))
        #expect(intervals.last == .seconds(6))
        #expect(intervals.allSatisfy { $0 >= .seconds(6) })
    }

    @Test func aRateAboveSixtyAMinuteStillWorks() {
        var bucket = TokenBucket(ratePerMinute: 120, burst: 1, now: .zero)
        #expect(bucket.interval == .milliseconds(500))
        let took9 = bucket.take(at: .zero)
        #expect(took9)
        #expect(bucket.nextAvailable(at: .zero) == .milliseconds(500))
    }
}
