import SeedanceAPI
import Testing

/// How the create throttle reacts to a 429: a pause of the provider's Retry-After or the
/// backoff, whichever is longer, for every worker, and a slower bucket. Pure, on a stepping clock.
@Suite("Throttle and Retry-After")
struct ThrottleRetryAfterTests {
    struct PauseCase: Sendable, CustomTestStringConvertible {
        var retryAfter: Duration?
        var penaltiesInARow: Int
        var pause: Duration
        var testDescription: String { "Retry-After \(retryAfter.map { "\($0)" } ?? "none"), 429 #\(penaltiesInARow) → \(pause)" }
    }

    static let pauses: [PauseCase] = [
        PauseCase(retryAfter: nil, penaltiesInARow: 1, pause: .seconds(5)),
        PauseCase(retryAfter: nil, penaltiesInARow: 3, pause: .seconds(20)),
        // The provider asks for longer than the backoff: its wait wins.
        PauseCase(retryAfter: .seconds(30), penaltiesInARow: 1, pause: .seconds(30)),
        PauseCase(retryAfter: .milliseconds(12_500), penaltiesInARow: 2, pause: .milliseconds(12_500)),
        PauseCase(retryAfter: .seconds(90), penaltiesInARow: 9, pause: .seconds(90)),
        // Shorter than the backoff: the backoff wins (a 1 s wait after several 429s invites the next).
        PauseCase(retryAfter: .seconds(1), penaltiesInARow: 1, pause: .seconds(5)),
        PauseCase(retryAfter: .zero, penaltiesInARow: 2, pause: .seconds(10)),
        PauseCase(retryAfter: .seconds(30), penaltiesInARow: 5, pause: .seconds(60)),
    ]

    @Test(arguments: pauses)
    func thePauseIsTheLongerOfRetryAfterAndTheBackoff(_ example: PauseCase) {
        #expect(TokenBucket.pause(retryAfter: example.retryAfter, afterPenalties: example.penaltiesInARow) == example.pause)
    }

    struct ThrottleCase: Sendable, CustomTestStringConvertible {
        /// Retry-After of each 429 in a row, all at the instant the third create was sent.
        var refusals: [Duration?]
        /// When the next create may go.
        var nextCreate: Duration
        var interval: Duration
        var testDescription: String { "429s \(refusals.map { $0.map { "\($0)" } ?? "none" }) → next at \(nextCreate)" }
    }

    /// A bucket of 60 a minute (one a second, burst 1): three creates take until t = 2 s.
    static let throttles: [ThrottleCase] = [
        ThrottleCase(refusals: [.seconds(45)], nextCreate: .seconds(47), interval: .milliseconds(1500)),
        ThrottleCase(refusals: [nil], nextCreate: .seconds(7), interval: .milliseconds(1500)),
        ThrottleCase(refusals: [.seconds(2)], nextCreate: .seconds(7), interval: .milliseconds(1500)),
        // Two workers' 429s at once: the longer pause holds, the bucket slows twice.
        ThrottleCase(refusals: [.seconds(45), .seconds(3)], nextCreate: .seconds(47), interval: .milliseconds(2250)),
        ThrottleCase(refusals: [.seconds(3), .seconds(45)], nextCreate: .seconds(47), interval: .milliseconds(2250)),
    ]

    @Test(arguments: throttles)
    func everyWorkerWaitsOutThePauseAndTheBucketSlows(_ example: ThrottleCase) async throws {
        let clock = SteppingClock()
        let throttle = CreateThrottle(ratePerMinute: 60, burst: 1, maxInFlight: 10, timeSource: clock.timeSource)
        for _ in 0..<3 { try await throttle.acquireToken() }
        #expect(clock.now.current == .seconds(2))
        for retryAfter in example.refusals { await throttle.penalize(retryAfter: retryAfter) }
        try await throttle.acquireToken()
        #expect(clock.now.current == example.nextCreate)
        #expect(await throttle.currentBucket.interval == example.interval)
        // After the pause the slower rate holds: the next token one (slowed) interval later.
        try await throttle.acquireToken()
        #expect(clock.now.current == example.nextCreate + example.interval)
    }
}
