import Foundation
import SeedanceAPI
import Testing

/// Claims on batch items through two separate connection pools on one file (two "workers").
/// The real two-process version is StoreProcessTests in SeedanceCLITests.
@Suite struct BatchClaimTests {
    static let batch = BatchRecord(id: "b", manifestPath: "manifest.jsonl", createdAt: Date())

    static func stores(items: Int) async throws -> (SQLiteTaskStore, SQLiteTaskStore) {
        let folder = try temporaryDirectory()
        let first = try SQLiteTaskStore(directory: folder)
        try await first.createBatch(batch, items: (0..<items).map { BatchItemRecord(batchID: "b", itemID: "item-\($0)", line: $0 + 1) })
        return (first, try SQLiteTaskStore(directory: folder))
    }

    static func owner(_ name: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> ClaimOwner {
        ClaimOwner(id: name, host: ClaimOwner.currentProcess().host, pid: pid)
    }

    /// The pid of a process that has exited and been reaped.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    let key = BatchItemKey(batchID: "b", itemID: "item-0")

    @Test func aLiveHolderKeepsItsItem() async throws {
        let (a, b) = try await Self.stores(items: 1)
        let now = Date()
        #expect(try await a.claim(key, by: Self.owner("A"), leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
        #expect(try await b.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .heldByAnother(owner: "A"))
        #expect(try await a.claim(key, by: Self.owner("A"), leaseUntil: now.addingTimeInterval(120), at: now) == .claimed, "renewal")
        #expect(try await b.finishItem(key, by: Self.owner("B"), state: .skipped, error: "x", output: nil, at: now) == false)
        #expect(try await a.finishItem(key, by: Self.owner("A"), state: .skipped, error: "unusable", output: nil, at: now))
        #expect(try await b.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .finished(.skipped))
    }

    @Test func aDeadHoldersItemIsTakenOver() async throws {
        let (a, b) = try await Self.stores(items: 1)
        let now = Date()
        #expect(try await a.claim(key, by: Self.owner("dead", pid: try Self.deadPID()), leaseUntil: now.addingTimeInterval(600), at: now) == .claimed)
        #expect(try await b.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
        #expect(try await a.items(ofBatch: "b").first?.claimedBy == "B")
    }

    @Test func anExpiredLeaseIsTakenOver() async throws {
        let (a, b) = try await Self.stores(items: 1)
        let now = Date()
        #expect(try await a.claim(key, by: Self.owner("A"), leaseUntil: now.addingTimeInterval(-1), at: now.addingTimeInterval(-60)) == .claimed)
        #expect(try await b.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
    }

    @Test func anItemWithAnIntentIsNeverHandedOutAgain() async throws {
        let (a, b) = try await Self.stores(items: 1)
        let now = Date()
        let dead = Self.owner("dead", pid: try Self.deadPID())
        #expect(try await a.claim(key, by: dead, leaseUntil: now.addingTimeInterval(-1), at: now) == .claimed)
        let intent = TaskRecord(intentID: "i-0", createdAt: now, model: "m", baseURL: "u", fingerprint: "f", batchItem: key)
        #expect(try await a.recordIntent(intent, duplicatesSince: nil) == .recorded)
        // Dead owner, expired lease, no task id: outcome unknown, so it must not be sent again.
        #expect(try await b.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .alreadySent(intentID: "i-0"))
        let again = TaskRecord(intentID: "i-1", createdAt: now, model: "m", baseURL: "u", fingerprint: "other", batchItem: key)
        guard case .duplicate(let earlier) = try await b.recordIntent(again, duplicatesSince: nil) else {
            Issue.record("a second intent for a sent item was recorded"); return
        }
        #expect(earlier.intentID == "i-0")
    }

    @Test func racingWorkersClaimEachItemOnce() async throws {
        let (a, b) = try await Self.stores(items: 60)
        let winners = try await withThrowingTaskGroup(of: [String].self) { group in
            for (store, name) in [(a, "A"), (b, "B")] {
                group.addTask {
                    var won: [String] = []
                    for index in 0..<60 {
                        let item = BatchItemKey(batchID: "b", itemID: "item-\(index)")
                        let now = Date()
                        if try await store.claim(item, by: Self.owner(name), leaseUntil: now.addingTimeInterval(60), at: now).isClaimed {
                            won.append(item.itemID)
                        }
                    }
                    return won
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(winners.count == 60)
        #expect(Set(winners).count == 60)
    }

    /// `--retry-failed`: what failed may be taken again; what may have been paid never is.
    @Test(arguments: [
        // (the item's last attempt, retrying failed, claimed)
        (TaskState?.none, false, false), (TaskState?.none, true, true),
        (TaskState.refused, false, true), (TaskState.refused, true, true),
        (TaskState.failed, true, true),
        (TaskState.intent, true, false), (TaskState.outcomeUnknown, true, false),
        (TaskState.submitted, true, false), (TaskState.succeeded, true, false),
    ])
    func aFailedItemIsTakenAgainOnlyWhenRetryingAndNeverWhenItMayBePaid(_ example: (attempt: TaskState?, retrying: Bool, claimed: Bool)) async throws {
        let (store, _) = try await Self.stores(items: 1)
        let now = Date()
        let first = Self.owner("A")
        #expect(try await store.claim(key, by: first, leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
        if let state = example.attempt {
            let intent = TaskRecord(intentID: "i-0", createdAt: now, model: "m", baseURL: "u", fingerprint: "f", batchItem: key)
            #expect(try await store.recordIntent(intent, duplicatesSince: nil) == .recorded)
            try await store.recordAnswer(intentID: "i-0", state: state, taskID: state == .refused ? nil : "t-0", reason: "r", at: now)
        } else {
            // Failed before it was sent (an unusable frame).
            #expect(try await store.finishItem(key, by: first, state: .skipped, error: "unusable", output: nil, at: now))
        }
        let outcome = try await store.claim(
            key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now, retryingFailed: example.retrying)
        #expect(outcome.isClaimed == example.claimed, "\(outcome)")
        if outcome.isClaimed { #expect(try await store.items(ofBatch: "b").first?.error == nil, "the old error is cleared") }
    }

    /// Two owners in one living process (a library caller running one batch after another): a
    /// claim given back is taken at once; one not given back waits for its lease.
    @Test func aReleasedClaimIsTakenAtOnceByAnotherOwnerOfTheSameProcess() async throws {
        let (store, _) = try await Self.stores(items: 2)
        let now = Date()
        let lease = now.addingTimeInterval(600)
        let (first, second) = (Self.owner("run-1"), Self.owner("run-2"))
        let other = BatchItemKey(batchID: "b", itemID: "item-1")
        #expect(try await store.claim(key, by: first, leaseUntil: lease, at: now) == .claimed)
        #expect(try await store.claim(other, by: first, leaseUntil: lease, at: now) == .claimed)
        #expect(try await store.release(key, by: second) == false, "only the holder gives a claim back")
        #expect(try await store.release(key, by: first))
        #expect(try await store.claim(key, by: second, leaseUntil: lease, at: now) == .claimed)
        #expect(try await store.claim(other, by: second, leaseUntil: lease, at: now) == .heldByAnother(owner: "run-1"))
    }

    @Test func aClaimWithAnIntentIsNotGivenBack() async throws {
        let (store, _) = try await Self.stores(items: 1)
        let now = Date()
        let owner = Self.owner("A")
        #expect(try await store.claim(key, by: owner, leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
        let intent = TaskRecord(intentID: "i-0", createdAt: now, model: "m", baseURL: "u", fingerprint: "f", batchItem: key)
        #expect(try await store.recordIntent(intent, duplicatesSince: nil) == .recorded)
        #expect(try await store.release(key, by: owner) == false)
        #expect(try await store.claim(key, by: Self.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now) == .alreadySent(intentID: "i-0"))
    }
}
