import SeedanceAPI
import Testing

/// The shared gate workers await: rate tokens on an injected clock, and the in-flight cap.
@Suite("Create throttle")
struct CreateThrottleTests {
    @Test func tokensWaitOnTheClockAndHonourAPenalty() async throws {
        let clock = SteppingClock()
        let throttle = CreateThrottle(ratePerMinute: 60, burst: 1, maxInFlight: 10, timeSource: clock.timeSource)
        for _ in 0..<3 { try await throttle.acquireToken() }
        #expect(clock.now.current == .seconds(2))
        await throttle.penalize(retryAfter: .seconds(30))
        try await throttle.acquireToken()
        #expect(clock.now.current == .seconds(32))
        #expect(await throttle.currentBucket.interval == .milliseconds(1500))
    }

    @Test func inFlightCapHoldsTheNextWorkerUntilASlotFrees() async throws {
        let throttle = CreateThrottle(maxInFlight: 2, timeSource: SteppingClock().timeSource)
        try await throttle.acquireInFlight()
        try await throttle.acquireInFlight()
        let entered = Locked(false)
        let third = Task {
            try await throttle.acquireInFlight()
            entered.withValue { $0 = true }
        }
        for _ in 0..<50 { await Task.yield() }
        #expect(!entered.current)
        #expect(await throttle.inFlightCount == 2)
        await throttle.releaseInFlight()
        try await third.value
        #expect(entered.current)
        #expect(await throttle.inFlightCount == 2)
        await throttle.releaseInFlight()
        await throttle.releaseInFlight()
        #expect(await throttle.inFlightCount == 0)
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let throttle = CreateThrottle(maxInFlight: 1, timeSource: SteppingClock().timeSource)
        try await throttle.acquireInFlight()
        let waiter = Task { try await throttle.acquireInFlight() }
        for _ in 0..<20 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        await throttle.releaseInFlight()
        #expect(await throttle.inFlightCount == 0)
        try await throttle.acquireInFlight()
        #expect(await throttle.inFlightCount == 1)
    }
}
