import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// The create call over real HTTP against the stand-in: exactly one paid task per intent.
@Suite struct SubmitIntegrationTests {
    @Test func rateLimitThenSuccessPostsTwiceAndCreatesOneTask() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.error(status: 429, reason: "RATE_LIMIT_EXCEEDED"), on: .submit)
            let submission = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: harness.store)
            #expect(submission.attempts == 2)
            #expect(harness.stub.postCount == 2)
            #expect(harness.stub.taskCount == 1)
            #expect(try await harness.store.records(matching: .all).map(\.taskID) == [submission.taskID])
        }
    }

    @Test func unavailableHonoursRetryAfter() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.error(status: 503, reason: "SERVICE_UNAVAILABLE", retryAfter: "7"), on: .submit)
            _ = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: harness.store)
            #expect(harness.stub.postCount == 2)
            #expect(harness.stub.taskCount == 1)
            #expect(harness.sleeps.current == [.seconds(7)])
        }
    }

    @Test func rateLimitBeyondTheTotalWaitGivesUpAsRefused() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.error(status: 429, reason: "RATE_LIMIT_EXCEEDED", retryAfter: "3600"), on: .submit)
            let error = try #require(await harness.submissionError())
            guard case .provider(let provider) = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(provider.kind == .rateLimited)
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func serverErrorAfterTheBodyIsOutcomeUnknownWithoutRetry() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.error(status: 500, reason: "CREATE_TASK_FAILED"), on: .submit)
            let error = try #require(await harness.submissionError())
            #expect(error.kind == .outcomeUnknown)
            #expect(harness.stub.postCount == 1)
            #expect(error.description.contains("not resubmitted"))
            #expect(error.intentID != nil)
        }
    }

    @Test func droppedConnectionIsOutcomeUnknownAndTheStoreKeepsTheIntent() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.dropConnection, on: .submit)
            let error = try #require(await harness.submissionError())
            #expect(error.kind == .outcomeUnknown)
            #expect(harness.stub.postCount == 1)
            let entry = try #require(try await harness.store.records(matching: .all).first)
            #expect(entry.intentID == error.intentID)
            #expect(entry.taskID == nil)
            #expect(entry.state == .outcomeUnknown)
            #expect(entry.inputs == harness.inputs)
            #expect(entry.fingerprint == (try NovitaRequestLayout.body(for: StubHarness.request).fingerprint))
        }
    }

    @Test func answerSlowerThanTheReadTimeoutIsOutcomeUnknown() async throws {
        // The stand-in never answers (hang), so the read timeout always fires; 3 s leaves the
        // upload time to arrive whole on a loaded machine (a fresh-clone run saw 300 ms end
        // before the stand-in had read the body, so it had counted no POST).
        try await StubHarness.run(readTimeout: .seconds(3)) { harness in
            harness.stub.inject(.hang, on: .submit)
            let error = try #require(await harness.submissionError())
            #expect(error.kind == .outcomeUnknown)
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func malformedAnswerToTheCreateCallIsOutcomeUnknown() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.malformedJSON, on: .submit)
            let error = try #require(await harness.submissionError())
            #expect(error.kind == .outcomeUnknown)
            #expect(error.message.contains("no task id"))
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test(arguments: [
        makeRequest(["prompt": .string("p"), "duration": .integer(13)]),
        makeRequest(["prompt": .string("p"), "fps": .integer(30)]),
        makeRequest(first: FramePayload(role: .first, content: .url("ftp://example.com/a.png"), digest: "")),
        makeRequest(first: .inline(pngBytes(), format: "heic", role: .first)),
        makeRequest(["prompt": .string("p"), "seed": .integer(-2)]),
        makeRequest([:]),
    ])
    func invalidFieldsAreNeverSent(request: GenerationRequest) async throws {
        try await StubHarness.run { harness in
            let error = try #require(await harness.submissionError(request))
            guard case .invalidRequest = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(harness.stub.postCount == 0)
            #expect(try await harness.store.records(matching: .all).isEmpty)
        }
    }

    @Test func providerRefusalCarriesReasonAndHint() async throws {
        try await StubHarness.run { harness in
            let request = makeRequest(first: .inline(Data("not a png".utf8), format: "png", role: .first))
            let error = try #require(await harness.submissionError(request))
            guard case .provider(let provider) = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(provider.reason == "INVALID_IMAGE_FORMAT")
            #expect(provider.kind == .invalidImage)
            #expect(harness.stub.postCount == 1)
            #expect(try await harness.store.records(matching: .all).first?.state == .refused)
        }
    }

    @Test func wrongKeyIsRefusedWithAHintAboutTheVariable() async throws {
        try await StubHarness.run(apiKey: "sk-wrong") { harness in
            let error = try #require(await harness.submissionError())
            guard case .provider(let provider) = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(provider.kind == .invalidAPIKey)
            #expect(provider.reason == "INVALID_API_KEY")
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func refusedConnectionIsRetriedThenReportedUnreachable() async throws {
        let refusing = try RefusingPort()
        let closedURL = refusing.url
        let sleeps = Locked<[Duration]>([])
        let configuration = SeedanceClient.Configuration(baseURL: closedURL, apiKey: StubHarness.apiKey, connectTimeout: .seconds(1))
        try await SeedanceClient.withClient(configuration, timeSource: fastTimeSource(sleeps: sleeps)) { client in
            do {
                _ = try await client.submit(StubHarness.request)
                Issue.record("submit should fail")
            } catch let error as SeedanceError {
                #expect(error.kind == .unreachable)
                // Said once, in plain words: not NIO's nested "(error set) … (errno: 111)" dump.
                let text = "\(error)"
                #expect(text.hasSuffix("nothing was sent: connection refused"), "\(text)")
                #expect(!text.contains("errno"))
            }
        }
        #expect(sleeps.current.count == RetryPolicy.submit.maxAttempts - 1)
        withExtendedLifetime(refusing) {}
    }
}
