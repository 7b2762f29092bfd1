import Foundation
import SeedanceAPI
import SeedanceStore
import SeedanceStub
import Testing

/// The commands that use the state store, run as a user would, against the stand-in.
@Suite struct StoreCommandTests {
    static let key = "sk-store-test-9a8b7c6d5e4f3a2b"

    func environment(_ stub: SeedanceStub, state: URL) -> [String: String] {
        ["NOVITA_API_KEY": Self.key, "SEEDANCE_BASE_URL": stub.baseURL.absoluteString, "XDG_STATE_HOME": state.path]
    }

    @Test func duplicateSubmitExitsSixAndSendsNothing() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, imageValidator: FrameRulesValidator.validate)) { stub in
            try await withScratchFolder("store") { folder in
                let env = environment(stub, state: folder)
                let arguments = ["submit", TestPaths.fixture("good-first.jpg"), "--prompt", "a pan", "--duration", "5"]
                let first = try await CommandRunner.run(arguments, environment: env)
                #expect(first.status == 0, "\(first.stderr)")
                let taskID = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                let second = try await CommandRunner.run(arguments, environment: env)
                #expect(second.status == 6, "\(second.stderr)")
                #expect(second.stderr.contains("seedance status \(taskID)"))
                #expect(second.stderr.contains("seedance wait \(taskID) --output"))
                #expect(stub.postCount == 1)
                let paid = try await CommandRunner.run(arguments + ["--allow-duplicate"], environment: env)
                #expect(paid.status == 0, "\(paid.stderr)")
                #expect(stub.postCount == 2)
            }
        }
    }

    @Test func unwritableStoreSendsNothingAndExits74() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key)) { stub in
            try await withScratchFolder("store") { folder in
                // A file where the store's folder should be: unwritable even for root, unlike chmod.
                try Data("x".utf8).write(to: folder.appendingPathComponent("seedance"))
                let result = try await CommandRunner.run(
                    ["submit", TestPaths.fixture("good-first.jpg"), "--prompt", "x"], environment: environment(stub, state: folder))
                #expect(result.status == 74, "\(result.stderr)")
                #expect(result.stderr.contains("state store"))
                #expect(stub.postCount == 0)
                let tasks = try await CommandRunner.run(["tasks"], environment: environment(stub, state: folder))
                #expect(tasks.status == 74)
            }
        }
    }

    @Test func tasksFiltersByStateAndBatch() async throws {
        try await withScratchFolder("store") { folder in
            let store = try SQLiteTaskStore(directory: folder.appendingPathComponent("seedance"))
            try await store.createBatch(
                BatchRecord(id: "b7", manifestPath: "m.jsonl", createdAt: Date()), items: [BatchItemRecord(batchID: "b7", itemID: "one", line: 1)])
            for (id, batch) in [("solo", nil), ("batched", BatchItemKey(batchID: "b7", itemID: "one"))] as [(String, BatchItemKey?)] {
                let record = TaskRecord(intentID: id, createdAt: Date(), model: "m", baseURL: "u", fingerprint: id, batchItem: batch)
                _ = try await store.recordIntent(record, duplicatesSince: nil)
            }
            try await store.recordAnswer(intentID: "solo", creation: .refused, taskID: nil, reason: "NOPE", at: Date())
            let env = ["XDG_STATE_HOME": folder.path]
            #expect(try await Self.intentIDs(["tasks", "--json"], env) == ["solo", "batched"])
            #expect(try await Self.intentIDs(["tasks", "--state", "refused", "--json"], env) == ["solo"])
            #expect(try await Self.intentIDs(["tasks", "--batch", "b7", "--json"], env) == ["batched"])
            #expect(try await Self.intentIDs(["tasks", "--state", "succeeded", "--json"], env) == [])
            let bad = try await CommandRunner.run(["tasks", "--state", "finished"], environment: env)
            #expect(bad.status == 64)
        }
    }

    /// The stand-in's clock is moved past the task's end before reconcile asks: no sleep.
    @Test func reconcileRecordsAnswersAndNeverResubmits() async throws {
        let clock = StubClock.manual()
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, taskDuration: .seconds(30), clock: clock)) { stub in
            try await withScratchFolder("store") { folder in
                let store = try SQLiteTaskStore(directory: folder.appendingPathComponent("seedance"))
                let configuration = SeedanceClient.Configuration(baseURL: stub.baseURL, apiKey: Self.key)
                let submission = try await SeedanceClient.withClient(configuration) { client in
                    try await client.submit(
                        GenerationRequest(
                            model: .defaultModel, parameters: GenerationParameters(["prompt": .string("p")]),
                            frames: [.inline(Self.pngBytes, format: "png", role: .first)]), store: store)
                }
                let lost = TaskRecord(intentID: "lost", createdAt: Date(), model: "m", baseURL: "u", fingerprint: "lost")
                _ = try await store.recordIntent(lost, duplicatesSince: nil)
                try await store.recordAnswer(intentID: "lost", creation: .unknown, taskID: nil, reason: nil, at: Date())
                clock.advance(by: .seconds(30))

                let result = try await CommandRunner.run(["reconcile", "--json"], environment: environment(stub, state: folder))
                #expect(result.status == 0, "\(result.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let entries = try #require(document["entries"] as? [[String: Any]])
                let reconciled = try #require(entries.first { $0["task_id"] as? String == submission.taskID })
                #expect(reconciled["state"] as? String == "succeeded")
                let unknown = try #require(entries.first { $0["intent_id"] as? String == "lost" })
                #expect((unknown["problem"] as? String)?.contains("no task id") == true)
                #expect(try await store.records(matching: TaskFilter(taskID: submission.taskID)).first?.state == .succeeded)
                #expect(stub.postCount == 1, "reconcile never submits")
            }
        }
    }

    /// A PNG signature and some bytes: enough for the stand-in without an image validator.
    static let pngBytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<64).map { UInt8($0) })

    static func intentIDs(_ arguments: [String], _ environment: [String: String]) async throws -> [String] {
        let result = try await CommandRunner.run(arguments, environment: environment)
        guard result.status == 0 else { throw CommandFailure(result: result) }
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (document?["tasks"] as? [[String: Any]] ?? []).compactMap { $0["intent_id"] as? String }
    }

    struct CommandFailure: Error {
        var result: CommandRunner.Result
    }
}
