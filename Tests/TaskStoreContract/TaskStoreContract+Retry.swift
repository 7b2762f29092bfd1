import Foundation
import SeedanceCore
import Testing

// MARK: Retrying failed items

extension TaskStoreContract {
    /// What ended an item's earlier attempt without a payable task.
    enum UnpaidEnding: String, Sendable, CaseIterable {
        case refused, failed
    }

    /// How the run that claimed the item again for `--retry-failed` stopped before its new intent.
    enum RetryStop: String, Sendable, CaseIterable {
        /// It stopped normally and gave the claim back.
        case released
        /// It was killed (`kill -9`): its claim is taken over.
        case killed
    }

    /// A claim to retry an item does not send anything: until the retry's own intent is
    /// recorded, the item is still its earlier refused or failed attempt, so a later run without
    /// `--retry-failed` does not send it, and the link to that attempt stays.
    static func aRetryClaimKeepsTheEarlierAttempt(_ factory: TaskStoreFactory, _ ending: UnpaidEnding, _ stop: RetryStop) async throws {
        try await factory.withStore { store in
            try await ContractFixtures.batchStore(store, items: 1)
            let key = ContractFixtures.key()
            let now = Date()
            let lease = now.addingTimeInterval(600)
            let first = ContractFixtures.owner("first", pid: try await ContractFixtures.deadPID())
            #expect(try await store.claim(key, by: first, leaseUntil: lease, at: now) == .claimed)
            #expect(try await store.recordIntent(ContractFixtures.record("i-0", batchItem: key), duplicatesSince: nil) == .recorded)
            switch ending {
            case .refused:
                try await store.recordAnswer(intentID: "i-0", creation: .refused, taskID: nil, reason: "ILLEGAL_PROMPT", at: now)
            case .failed:
                try await store.recordAnswer(intentID: "i-0", creation: .created, taskID: "t-0", reason: nil, at: now)
                try await store.recordResult(taskID: "t-0", status: .failed, reason: "boom", outputPath: nil, at: now)
            }

            var retrierPID = ProcessInfo.processInfo.processIdentifier
            if stop == .killed { retrierPID = try await ContractFixtures.deadPID() }
            let retrier = ContractFixtures.owner("retrier", pid: retrierPID)
            #expect(try await store.claim(key, by: retrier, leaseUntil: lease, at: now, retryingFailed: true) == .claimed)
            if stop == .released { #expect(try await store.release(key, by: retrier), "a claim that sent nothing goes back") }

            let item = try #require(try await store.items(ofBatch: "b").first)
            #expect(item.intentID == "i-0", "the earlier attempt stays linked")
            let later = ContractFixtures.owner("later")
            #expect(
                try await store.claim(key, by: later, leaseUntil: lease, at: now) == .alreadySent(intentID: "i-0"),
                "not resent without --retry-failed")
            #expect(try await store.claim(key, by: later, leaseUntil: lease, at: now, retryingFailed: true) == .claimed)
            #expect(try await store.recordIntent(ContractFixtures.record("i-1", batchItem: key), duplicatesSince: nil) == .recorded)
            #expect(try await store.items(ofBatch: "b").first?.intentID == "i-1", "the retry's intent replaces the link")
        }
    }

    static let retryChecks: [Check] = UnpaidEnding.allCases.flatMap { ending in
        RetryStop.allCases.map { stop in
            Check(name: "a retry claim of a \(ending.rawValue) item that is \(stop.rawValue) keeps the earlier attempt") {
                try await aRetryClaimKeepsTheEarlierAttempt($0, ending, stop)
            }
        }
    }
}
