import Foundation
import Logging
import SeedanceAPI
import SeedanceStore
import SeedanceStub
import TestSupport
import Testing

/// An unknown create on a provider that lists tasks is resolved from the list: exactly one
/// match is adopted, none (after the answer window) means nothing was created, several decide
/// nothing. The rule from a table, then end to end against the stand-in's Ark mode.
@Suite struct UnknownOutcomeTests {
    static let intentAt = Date(timeIntervalSince1970: 1_800_000_000)

    static func task(_ id: String, at offset: TimeInterval, model: String = "m", echoed: [String: String] = [:]) -> TaskSnapshot {
        TaskSnapshot(taskID: id, status: .queued, createdAt: intentAt.addingTimeInterval(offset), model: model, echoed: echoed)
    }

    @Test(arguments: [
        // (what was sent, the listed task, known to the store, a candidate?)
        (["model": "m"], task("a", at: 5), false, true),
        (["model": "m"], task("a", at: -119), false, true),
        (["model": "m"], task("a", at: -121), false, false),
        (["model": "m"], task("a", at: 5), true, false),
        (["model": "m"], task("a", at: 5, model: "other"), false, false),
        (["model": "m", "resolution": "720p"], task("a", at: 5, echoed: ["resolution": "720p"]), false, true),
        (["model": "m", "resolution": "720p"], task("a", at: 5, echoed: ["resolution": "1080p"]), false, false),
        (["model": "m", "ratio": "adaptive"], task("a", at: 5, echoed: ["ratio": "16:9"]), false, true),
        (["model": "m", "ratio": "9:16"], task("a", at: 5, echoed: ["ratio": "16:9"]), false, false),
        (["model": "m", "duration": "-1"], task("a", at: 5, echoed: ["duration": "10"]), false, true),
        (["model": "m", "duration": "5"], task("a", at: 5, echoed: ["duration": "10"]), false, false),
        (["model": "m", "seed": "42"], task("a", at: 5, echoed: ["seed": "42"]), false, true),
        (["model": "m", "seed": "42"], task("a", at: 5, echoed: ["seed": "7"]), false, false),
        (["model": "m", "service_tier": "flex"], task("a", at: 5, echoed: ["service_tier": "default"]), false, false),
        (["model": "m", "generate_audio": "false"], task("a", at: 5), false, true),
    ])
    func theMatchingRule(sent: [String: String], listed: TaskSnapshot, known: Bool, candidate: Bool) {
        let found = UnknownOutcomeMatch.candidates(
            sent: sent, intentCreatedAt: Self.intentAt, listed: [listed], knownTaskIDs: known ? [listed.taskID] : [])
        #expect(found.map(\.taskID) == (candidate ? [listed.taskID] : []))
    }

    static let key = "ark-unknown-test-key-0a1b2c3d"

    /// A stand-in whose Ark mode loses every 2nd create's answer, a byteplus client and a store.
    static func with(_ body: (SeedanceStub, SeedanceClient, SQLiteTaskStore) async throws -> Void) async throws {
        let ark = ArkStubConfiguration(apiKey: key, listWindow: .zero, faults: ArkStubFaults(lostAnswer: .every(2)))
        try await SeedanceStub.with(StubConfiguration(apiKey: "unused-novita-key", ark: ark)) { stub in
            try await withScratchFolder("unknown-outcome") { folder in
                let store = try SQLiteTaskStore(directory: folder)
                let configuration = SeedanceClient.Configuration(
                    provider: .byteplus, baseURL: stub.arkBaseURL, apiKey: key, connectTimeout: .seconds(10), readTimeout: .seconds(30))
                try await SeedanceClient.withClient(configuration, timeSource: fastTimeSource()) { client in
                    try await body(stub, client, store)
                }
            }
        }
    }

    static func request(_ prompt: String) throws -> GenerationRequest {
        let model = try #require(VideoModel.builtIn(named: "seedance-2.0", api: "ark"))
        let frame = FramePayload.inline(try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("accepted.png"))), format: "png", role: .first)
        return GenerationRequest(
            model: model, parameters: GenerationParameters(["prompt": .string(prompt), "duration": .integer(5), "resolution": .string("720p")]),
            frames: [frame])
    }

    @Test func aLostAnswerIsAdoptedFromTheListAndNothingIsPaidTwice() async throws {
        try await Self.with { stub, client, store in
            let first = try await client.submit(try Self.request("one"), store: store)
            await #expect(throws: SeedanceError.self) { try await client.submit(try Self.request("two"), store: store) }
            #expect(stub.arkTaskCount == 2, "the second create made a task and lost its answer")
            let unknown = try #require(try await store.records(matching: .all).first { $0.creation == .unknown })
            #expect(unknown.echo["model"] == "dreamina-seedance-2-0-260128" && unknown.echo["duration"] == "5")

            // Too early: the list may not show it yet, so nothing is decided.
            guard case .undecided = try await client.resolveUnknownOutcome(unknown, in: store, now: unknown.createdAt) else {
                Issue.record("decided inside the answer window")
                return
            }
            let later = unknown.createdAt.addingTimeInterval(UnknownOutcomeMatch.answerWindow + 1)
            guard case .adopted(let taskID) = try await client.resolveUnknownOutcome(unknown, in: store, now: later) else {
                Issue.record("the lost task was not adopted")
                return
            }
            #expect(taskID != first.taskID)
            #expect(stub.arkTaskStatus(taskID) != nil)
            let records = try await store.records(matching: .all)
            #expect(records.map(\.creation) == [.created, .created])
            #expect(Set(records.compactMap(\.taskID)).count == 2)
            #expect(stub.arkCreateCount == 2, "nothing was sent again")
        }
    }

    @Test func anIntentWhoseTaskIsNotListedWasNotCreated() async throws {
        try await Self.with { stub, client, store in
            // The intent is recorded, then the process dies before the create: nothing was sent.
            let body = try client.body(for: try Self.request("never sent"))
            var intent = TaskRecord(
                intentID: "i-never-sent", createdAt: Date(), model: body.model, provider: "byteplus", baseURL: stub.arkBaseURL.absoluteString,
                fingerprint: body.fingerprint)
            intent.echo = body.echo
            _ = try await store.recordIntent(intent, duplicatesSince: nil)
            let recorded = try #require(try await store.records(matching: .all).first)
            let later = recorded.createdAt.addingTimeInterval(UnknownOutcomeMatch.answerWindow + 1)
            guard case .notCreated = try await client.resolveUnknownOutcome(recorded, in: store, now: later) else {
                Issue.record("an absent task was not concluded as not created")
                return
            }
            #expect(try await store.records(matching: .all).first?.creation == .notSent)
            #expect(stub.arkCreateCount == 0)
        }
    }

    @Test func severalMatchingTasksDecideNothing() async throws {
        try await Self.with { stub, client, store in
            _ = try await client.submit(try Self.request("a"), store: store)
            await #expect(throws: SeedanceError.self) { try await client.submit(try Self.request("b"), store: store) }
            // Another client of the same account creates a task with the same echo, unknown to this store.
            _ = try await client.submit(try Self.request("c"))
            let unknown = try #require(try await store.records(matching: .all).first { $0.creation == .unknown })
            let later = unknown.createdAt.addingTimeInterval(UnknownOutcomeMatch.answerWindow + 1)
            guard case .ambiguous(let candidates) = try await client.resolveUnknownOutcome(unknown, in: store, now: later) else {
                Issue.record("two matching tasks were not reported as ambiguous")
                return
            }
            #expect(candidates.count == 2)
            #expect(try await store.records(matching: .all).first { $0.intentID == unknown.intentID }?.creation == .unknown)
        }
    }
}
