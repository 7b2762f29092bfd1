import Foundation
import SeedanceCore
import Testing

// MARK: Claims, takeover, release

extension TaskStoreContract {
    /// A live holder keeps its item and renews it; only the holder finishes it; a finished item
    /// is not handed out.
    static func aLiveHolderKeepsItsClaim(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let (a, b) = (try factory.open(folder), try factory.open(folder))
            try await ContractFixtures.batchStore(a, items: 1)
            let key = ContractFixtures.key()
            let (ownerA, ownerB) = (ContractFixtures.owner("A"), ContractFixtures.owner("B"))
            let now = Date()
            #expect(try await a.claim(key, by: ownerA, leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
            #expect(try await b.claim(key, by: ownerB, leaseUntil: now.addingTimeInterval(60), at: now) == .heldByAnother(owner: "A"))
            #expect(try await a.claim(key, by: ownerA, leaseUntil: now.addingTimeInterval(120), at: now) == .claimed, "renewal")
            #expect(try await b.finishItem(key, by: ownerB, state: .skipped, error: "x", output: nil, at: now) == false)
            #expect(try await a.finishItem(key, by: ownerA, state: .skipped, error: "unusable", output: nil, at: now))
            #expect(try await b.claim(key, by: ownerB, leaseUntil: now.addingTimeInterval(60), at: now) == .finished(.abandoned(reason: "unusable")))
            #expect(try await b.claim(BatchItemKey(batchID: "b", itemID: "none"), by: ownerB, leaseUntil: now, at: now) == .notFound)
        }
    }

    /// The claim of a dead process, or one whose lease lapsed, is taken over.
    static func aDeadOrLapsedHoldersClaimIsTakenOver(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let (a, b) = (try factory.open(folder), try factory.open(folder))
            try await ContractFixtures.batchStore(a, items: 2)
            let now = Date()
            let dead = ContractFixtures.owner("dead", pid: try await ContractFixtures.deadPID())
            #expect(try await a.claim(ContractFixtures.key(0), by: dead, leaseUntil: now.addingTimeInterval(600), at: now) == .claimed)
            #expect(
                try await b.claim(ContractFixtures.key(0), by: ContractFixtures.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now)
                    == .claimed)
            #expect(try await a.items(ofBatch: "b").first?.claimedBy == "B")
            let lapsed = now.addingTimeInterval(-60)
            #expect(
                try await a.claim(ContractFixtures.key(1), by: ContractFixtures.owner("A"), leaseUntil: now.addingTimeInterval(-1), at: lapsed)
                    == .claimed)
            #expect(
                try await b.claim(ContractFixtures.key(1), by: ContractFixtures.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now)
                    == .claimed)
        }
    }

    /// An item whose intent may have been paid is never handed out again, even by a dead owner
    /// with a lapsed lease, and a second intent for it is refused as a duplicate.
    static func anItemThatMayBePaidIsNeverHandedOutAgain(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let (a, b) = (try factory.open(folder), try factory.open(folder))
            try await ContractFixtures.batchStore(a, items: 1)
            let key = ContractFixtures.key()
            let now = Date()
            let dead = ContractFixtures.owner("dead", pid: try await ContractFixtures.deadPID())
            #expect(try await a.claim(key, by: dead, leaseUntil: now.addingTimeInterval(-1), at: now) == .claimed)
            #expect(try await a.recordIntent(ContractFixtures.record("i-0", batchItem: key), duplicatesSince: nil) == .recorded)
            #expect(
                try await b.claim(key, by: ContractFixtures.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now)
                    == .alreadySent(intentID: "i-0"))
            guard
                case .duplicate(let earlier) = try await b.recordIntent(
                    ContractFixtures.record("i-1", fingerprint: "other", batchItem: key), duplicatesSince: nil)
            else {
                Issue.record("a second intent for a sent item was recorded")
                return
            }
            #expect(earlier.intentID == "i-0")
        }
    }

    /// Two connections racing over the same items claim each exactly once.
    static func racingConnectionsClaimEachItemOnce(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let (a, b) = (try factory.open(folder), try factory.open(folder))
            try await ContractFixtures.batchStore(a, items: 40)
            let winners = try await withThrowingTaskGroup(of: [String].self) { group in
                for (store, name) in [(a, "A"), (b, "B")] {
                    group.addTask {
                        var won: [String] = []
                        for index in 0..<40 {
                            let now = Date()
                            let outcome = try await store.claim(
                                ContractFixtures.key(index), by: ContractFixtures.owner(name), leaseUntil: now.addingTimeInterval(60), at: now)
                            if outcome.isClaimed { won.append("item-\(index)") }
                        }
                        return won
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(winners.count == 40)
            #expect(Set(winners).count == 40)
        }
    }

    /// Only the holder gives a claim back, and only while nothing that may be paid is linked
    /// (a linked intent that made nothing payable stays linked); a released item is taken at once by
    /// another owner of the same living process.
    static func releaseGivesBackOnlyUnpaidClaims(_ factory: TaskStoreFactory) async throws {
        try await factory.withStore { store in
            try await ContractFixtures.batchStore(store, items: 3)
            let now = Date()
            let lease = now.addingTimeInterval(600)
            let (first, second) = (ContractFixtures.owner("run-1"), ContractFixtures.owner("run-2"))
            for index in 0..<3 { #expect(try await store.claim(ContractFixtures.key(index), by: first, leaseUntil: lease, at: now) == .claimed) }
            #expect(try await store.release(ContractFixtures.key(0), by: second) == false, "only the holder gives a claim back")
            #expect(try await store.release(ContractFixtures.key(0), by: first))
            #expect(try await store.claim(ContractFixtures.key(0), by: second, leaseUntil: lease, at: now) == .claimed)
            #expect(try await store.claim(ContractFixtures.key(1), by: second, leaseUntil: lease, at: now) == .heldByAnother(owner: "run-1"))

            // Item 1: its intent may be paid, so the claim stays. Item 2: a 429, so it goes back.
            _ = try await store.recordIntent(
                ContractFixtures.record("i-1", fingerprint: "1", batchItem: ContractFixtures.key(1)), duplicatesSince: nil)
            #expect(try await store.release(ContractFixtures.key(1), by: first) == false)
            #expect(try await store.claim(ContractFixtures.key(1), by: second, leaseUntil: lease, at: now) == .alreadySent(intentID: "i-1"))
            _ = try await store.recordIntent(
                ContractFixtures.record("i-2", fingerprint: "2", batchItem: ContractFixtures.key(2)), duplicatesSince: nil)
            try await store.recordAnswer(intentID: "i-2", creation: .notSent, taskID: nil, reason: "RATE_LIMIT_EXCEEDED", at: now)
            #expect(try await store.release(ContractFixtures.key(2), by: first))
            #expect(try await store.claim(ContractFixtures.key(2), by: second, leaseUntil: lease, at: now) == .claimed)
            #expect(try await store.items(ofBatch: "b").last?.intentID == "i-2", "the attempt stays in the item's history")
        }
    }
}
