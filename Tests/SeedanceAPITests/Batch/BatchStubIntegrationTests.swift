import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The batch building blocks over real HTTP against the stand-in: one poll scheduler for several
/// tasks, and the stand-in's own create limits that the batch limiter is tested against.
@Suite("Batch against the stand-in")
struct BatchStubIntegrationTests {
    @Test func oneSchedulerPollsSeveralRealTasksToTheirEnd() async throws {
        try await StubHarness.run(taskDuration: .milliseconds(300)) { harness in
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await harness.client.submit(StubHarness.request).taskID) }
            let client = harness.client
            let scheduler = PollScheduler(
                schedule: PollSchedule(initial: .milliseconds(20), maximum: .milliseconds(80), growth: 1.5, jitter: 0.1),
                fetch: { try await client.task(id: $0) })
            for id in ids { await scheduler.add(id) }
            await scheduler.finishAdding()
            async let run: Void = scheduler.run(timeout: .seconds(20))
            var finished: [TaskSnapshot] = []
            for await event in scheduler.events {
                if case .finished(let result) = event { finished.append(result) }
                if case .deadlineReached = event { Issue.record("deadline passed: \(event)") }
            }
            await run
            #expect(finished.map(\.taskID).sorted() == ids.sorted())
            #expect(finished.allSatisfy { $0.status == .succeeded && !$0.videos.isEmpty })
            #expect(harness.stub.postCount == 3)
            let polls = harness.stub.requests.filter { $0.uri.hasPrefix("/v3/async/task-result") }.count
            #expect(polls >= 3)
        }
    }

    /// The stand-in's clock is a manual one where a window or a task's end matters: each answer
    /// is asserted at a known instant, so a slow, loaded machine cannot change one.
    @Test func theStandInRefusesCreatesPastItsRateWithRetryAfter() async throws {
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: Self.key, taskDuration: .zero, createLimit: StubLimits.CreateRate(creates: 2, window: .seconds(60)))
        ) { stub in
            let first = try await Self.post(to: stub)
            let second = try await Self.post(to: stub)
            let third = try await Self.post(to: stub)
            #expect(first.status == 200 && second.status == 200)
            #expect(third.status == 429)
            #expect(third.reason == "RATE_LIMIT_EXCEEDED")
            #expect(third.message.contains("2 per minute"))
            let wait = try #require(third.retryAfter.flatMap(Int.init))
            #expect((1...60).contains(wait))
            #expect(stub.postCount == 3)
            #expect(stub.limitRefusalCount == 1)
            #expect(stub.taskCount == 2)
        }
    }

    @Test func theStandInAcceptsCreatesAgainOnceTheWindowHasPassed() async throws {
        let clock = StubClock.manual()
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: Self.key, taskDuration: .zero, createLimit: StubLimits.CreateRate(creates: 1, window: .seconds(60)),
                clock: clock)
        ) { stub throws in
            #expect(try await Self.post(to: stub).status == 200)
            clock.advance(by: .seconds(59))
            #expect(try await Self.post(to: stub).status == 429, "a second before the window ends")
            clock.advance(by: .seconds(1))
            #expect(try await Self.post(to: stub).status == 200, "once the window has passed")
            #expect(stub.limitRefusalCount == 1)
        }
    }

    @Test func theStandInCapsTasksQueuedOrRunning() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, taskDuration: .seconds(60), maxRunningTasks: 2)) { stub in
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<4 { group.addTask { try await Self.post(to: stub) } }
                return try await group.reduce(into: [Answer]()) { $0.append($1) }
            }
            #expect(answers.filter { $0.status == 200 }.count == 2)
            let refused = answers.filter { $0.status == 429 }
            #expect(refused.count == 2)
            #expect(refused.allSatisfy { $0.reason == "RATE_LIMIT_EXCEEDED" && $0.message.contains("concurrent task limit") })
            #expect(refused.allSatisfy { ($0.retryAfter.flatMap(Int.init) ?? 0) >= 1 })
            #expect(stub.limitRefusalCount == 2)
            #expect(stub.taskCount == 2)
        }
    }

    @Test func theStandInAcceptsCreatesAgainOnceARunningTaskEnds() async throws {
        let clock = StubClock.manual()
        try await SeedanceStub.with(
            StubConfiguration(apiKey: Self.key, taskDuration: .seconds(30), maxRunningTasks: 1, clock: clock)
        ) { stub throws in
            #expect(try await Self.post(to: stub).status == 200)
            clock.advance(by: .seconds(29))
            #expect(try await Self.post(to: stub).status == 429, "the task still runs")
            clock.advance(by: .seconds(1))
            #expect(try await Self.post(to: stub).status == 200, "once it has ended")
            #expect(stub.taskCount == 2)
        }
    }

    static let key = "sk-test-limits-0d9e"

    struct Answer: Sendable {
        var status: Int
        var retryAfter: String?
        var reason: String
        var message: String
    }

    /// A raw create call, so the client's own retries do not hide what the stand-in answered.
    static func post(to stub: SeedanceStub) async throws -> Answer {
        var request = URLRequest(url: stub.baseURL.appendingPathComponent("v3/async/seedance-v1.5-pro-i2v"))
        request.httpMethod = "POST"
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: [
            "image": "data:image/png;base64," + pngBytes().base64EncodedString(), "prompt": "a shot",
        ])
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return Answer(
            status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
            reason: object["reason"] as? String ?? "", message: object["message"] as? String ?? "")
    }
}
