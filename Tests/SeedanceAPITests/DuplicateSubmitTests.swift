import Foundation
import SeedanceAPI
import SeedanceStore
import SeedanceStub
import Testing

/// Issue 10's money rules over real HTTP against the stand-in, with a real SQLite store.
@Suite struct DuplicateSubmitTests {
    @Test func secondIdenticalSubmitIsRefusedWithoutAPost() async throws {
        try await StubHarness.run { harness in
            let first = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: harness.store)
            let error = try #require(await harness.submissionError())
            guard case .duplicateRequest(let earlier) = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(earlier.taskID == first.taskID)
            #expect(earlier.state == .submitted)
            #expect(error.message.contains("task \(first.taskID), state submitted"))
            #expect(harness.stub.postCount == 1)
            #expect(try await harness.store.records(matching: .all).count == 1)

            _ = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: harness.store, allowDuplicate: true)
            #expect(harness.stub.postCount == 2)
            #expect(harness.stub.taskCount == 2)
        }
    }

    @Test func anotherModelIsNotADuplicate() async throws {
        try await StubHarness.run { harness in
            // The same frame and prompt for two models: two intents, two tasks.
            _ = try await harness.client.submit(makeRequest(model: VideoModel.builtIn[0]), store: harness.store)
            _ = try await harness.client.submit(makeRequest(model: VideoModel.builtIn[1]), store: harness.store)
            #expect(harness.stub.postCount == 2)
        }
    }

    @Test func anOutcomeUnknownRequestIsNotSentAgain() async throws {
        try await StubHarness.run { harness in
            harness.stub.inject(.dropConnection, on: .submit)
            let unknown = try #require(await harness.submissionError())
            #expect(unknown.kind == .outcomeUnknown)
            let error = try #require(await harness.submissionError())
            guard case .duplicateRequest(let earlier) = error.kind else {
                Issue.record("got \(error)")
                return
            }
            #expect(earlier.intentID == unknown.intentID)
            #expect(earlier.taskID == nil)
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func theIntentIsCommittedBeforeThePost() async throws {
        try await StubHarness.run { harness in
            let spy = IntentSpy(store: harness.store, stub: harness.stub)
            let submission = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: spy)
            #expect(spy.postsSeenAtIntent.current == [0], "the stand-in had received no POST when the intent was committed")
            #expect(harness.stub.postCount == 1)
            // And the committed row is readable by another connection, as another process would.
            let other = try SQLiteTaskStore(directory: harness.store.fileURL.deletingLastPathComponent())
            #expect(try await other.records(matching: .all).map(\.intentID) == [submission.intentID])
        }
    }

    @Test func nothingIsSentWhenTheIntentCannotBeRecorded() async throws {
        try await StubHarness.run { harness in
            do {
                _ = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: FailingStore())
                Issue.record("submit succeeded without a store")
            } catch let error as SeedanceError {
                guard case .stateStore = error.kind else {
                    Issue.record("got \(error)")
                    return
                }
            }
            #expect(harness.stub.postCount == 0)
        }
    }

    @Test func twoRacingSubmitsOfOneRequestPayOnce() async throws {
        try await StubHarness.run { harness in
            // Two stores on one file: two writers, as two processes would be.
            let second = try SQLiteTaskStore(directory: harness.store.fileURL.deletingLastPathComponent())
            let client = harness.client
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for store in [harness.store, second] {
                    group.addTask {
                        (try? await client.submit(StubHarness.request, store: store)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(harness.stub.postCount == 1)
        }
    }
}

/// Passes everything to a real store, noting how many POSTs the stand-in had seen when the intent committed.
final class IntentSpy: TaskStore {
    let store: SQLiteTaskStore
    let stub: SeedanceStub
    let postsSeenAtIntent = Locked<[Int]>([])

    init(store: SQLiteTaskStore, stub: SeedanceStub) {
        self.store = store
        self.stub = stub
    }

    var location: String { store.location }

    func recordIntent(_ record: TaskRecord, duplicatesSince: Date?) async throws(StateStoreError) -> IntentOutcome {
        let outcome = try await store.recordIntent(record, duplicatesSince: duplicatesSince)
        postsSeenAtIntent.withValue { $0.append(stub.postCount) }
        return outcome
    }

    func recordAnswer(intentID: String, creation: TaskCreation, taskID: String?, reason: String?, at date: Date) async throws(StateStoreError) {
        try await store.recordAnswer(intentID: intentID, creation: creation, taskID: taskID, reason: reason, at: date)
    }

    func recordCost(taskID: String, usd: Double, at date: Date) async throws(StateStoreError) {
        try await store.recordCost(taskID: taskID, usd: usd, at: date)
    }

    func recordResult(taskID: String, status: TaskStatus, reason: String?, outputPath: String?, at date: Date) async throws(StateStoreError)
        -> TaskRecord?
    {
        try await store.recordResult(taskID: taskID, status: status, reason: reason, outputPath: outputPath, at: date)
    }

    func records(matching filter: TaskFilter) async throws(StateStoreError) -> [TaskRecord] { try await store.records(matching: filter) }
    func createBatch(_ batch: BatchRecord, items: [BatchItemRecord]) async throws(StateStoreError) {
        try await store.createBatch(batch, items: items)
    }
    func batch(id: String) async throws(StateStoreError) -> BatchRecord? { try await store.batch(id: id) }
    func items(ofBatch batchID: String) async throws(StateStoreError) -> [BatchItemRecord] { try await store.items(ofBatch: batchID) }

    func claim(_ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date, retryingFailed: Bool) async throws(StateStoreError)
        -> ClaimOutcome
    {
        try await store.claim(item, by: owner, leaseUntil: leaseUntil, at: date, retryingFailed: retryingFailed)
    }

    func release(_ item: BatchItemKey, by owner: ClaimOwner) async throws(StateStoreError) -> Bool {
        try await store.release(item, by: owner)
    }

    func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date)
        async throws(StateStoreError) -> Bool
    {
        try await store.finishItem(item, by: owner, state: state, error: error, output: output, at: date)
    }
}

/// A store whose every write fails, as a full disk or a read-only folder would.
struct FailingStore: TaskStore {
    var location: String { "/nowhere/state.sqlite" }
    var failure: StateStoreError { StateStoreError(operation: "write", location: location, message: "disk I/O error") }

    func recordIntent(_ record: TaskRecord, duplicatesSince: Date?) async throws(StateStoreError) -> IntentOutcome { throw failure }
    func recordAnswer(intentID: String, creation: TaskCreation, taskID: String?, reason: String?, at date: Date) async throws(StateStoreError) {
        throw failure
    }
    func recordCost(taskID: String, usd: Double, at date: Date) async throws(StateStoreError) { throw failure }
    func recordResult(taskID: String, status: TaskStatus, reason: String?, outputPath: String?, at date: Date) async throws(StateStoreError)
        -> TaskRecord?
    { throw failure }
    func records(matching filter: TaskFilter) async throws(StateStoreError) -> [TaskRecord] { throw failure }
    func createBatch(_ batch: BatchRecord, items: [BatchItemRecord]) async throws(StateStoreError) { throw failure }
    func batch(id: String) async throws(StateStoreError) -> BatchRecord? { throw failure }
    func items(ofBatch batchID: String) async throws(StateStoreError) -> [BatchItemRecord] { throw failure }
    func claim(_ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date, retryingFailed: Bool) async throws(StateStoreError)
        -> ClaimOutcome
    {
        throw failure
    }
    func release(_ item: BatchItemKey, by owner: ClaimOwner) async throws(StateStoreError) -> Bool { throw failure }
    func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date)
        async throws(StateStoreError) -> Bool
    { throw failure }
}
