import Foundation
import SeedanceCore
import Testing

// MARK: Resume decisions

extension TaskStoreContract {
    /// What an earlier run left for an item.
    enum Attempt: Sendable, Hashable, CustomStringConvertible {
        /// Never claimed.
        case none
        /// Given up locally before sending (an unusable frame).
        case unusable
        /// Its intent is committed; no answer (the process died mid-call).
        case intentOnly
        /// The create call answered with this creation value.
        case answered(TaskCreation)
        /// Created, then task-result said this.
        case finished(TaskStatus)

        var description: String {
            switch self {
            case .none: "none"
            case .unusable: "unusable"
            case .intentOnly: "intent only"
            case .answered(let creation): "answered \(creation.rawValue)"
            case .finished(let status): "finished \(status.rawValue)"
            }
        }
    }

    /// One row of the resume table: what was left, whether failed items are retried, and what
    /// the store must say (the stage) and do (whether a new owner may claim it).
    struct ResumeExample: Sendable, CustomTestStringConvertible {
        var attempt: Attempt
        var retrying: Bool
        var stage: BatchItemStage
        var claimable: Bool
        var testDescription: String { "\(attempt), retrying \(retrying)" }
    }

    /// Every way an item can be left, with and without `--retry-failed`.
    static let resumeExamples: [ResumeExample] = [false, true].flatMap { retrying -> [ResumeExample] in
        [
            ResumeExample(attempt: .none, retrying: retrying, stage: .unsent, claimable: true),
            ResumeExample(attempt: .unusable, retrying: retrying, stage: .abandoned(reason: "unusable"), claimable: retrying),
            ResumeExample(attempt: .intentOnly, retrying: retrying, stage: .awaitingAnswer, claimable: false),
            ResumeExample(attempt: .answered(.notSent), retrying: retrying, stage: .unsent, claimable: true),
            ResumeExample(attempt: .answered(.refused), retrying: retrying, stage: .refused(reason: "r"), claimable: retrying),
            ResumeExample(attempt: .answered(.unknown), retrying: retrying, stage: .unknown(reason: "r"), claimable: false),
            ResumeExample(attempt: .answered(.created), retrying: retrying, stage: .created, claimable: false),
            ResumeExample(attempt: .finished(.failed), retrying: retrying, stage: .failed(reason: "boom"), claimable: retrying),
            ResumeExample(attempt: .finished(.succeeded), retrying: retrying, stage: .downloaded(output: "/out.mp4"), claimable: false),
        ]
    }

    /// Leaves `attempt` for the batch's only item, as `owner`'s run would have.
    static func leave(_ attempt: Attempt, in store: any TaskStore, by owner: ClaimOwner, at now: Date) async throws {
        let key = ContractFixtures.key()
        if attempt != .none {
            #expect(try await store.claim(key, by: owner, leaseUntil: now.addingTimeInterval(60), at: now) == .claimed)
        }
        switch attempt {
        case .none:
            break
        case .unusable:
            #expect(try await store.finishItem(key, by: owner, state: .skipped, error: "unusable", output: nil, at: now))
        case .intentOnly, .answered, .finished:
            #expect(try await store.recordIntent(ContractFixtures.record("i-0", batchItem: key), duplicatesSince: nil) == .recorded)
        }
        if case .answered(let creation) = attempt {
            try await store.recordAnswer(intentID: "i-0", creation: creation, taskID: creation == .created ? "t-0" : nil, reason: "r", at: now)
        }
        if case .finished(let status) = attempt {
            try await store.recordAnswer(intentID: "i-0", creation: .created, taskID: "t-0", reason: nil, at: now)
            try await store.recordResult(
                taskID: "t-0", status: status, reason: status == .failed ? "boom" : nil,
                outputPath: status == .succeeded ? "/out.mp4" : nil, at: now)
        }
    }

    /// A resumed run decides from typed columns only: the stage read back from the item and its
    /// task record, whether it may be paid (what its task record's state says), and whether a
    /// new owner may claim the item once the run that left it is gone, follow from the example.
    static func resumeDecidesFromTypedColumns(_ factory: TaskStoreFactory, _ example: ResumeExample) async throws {
        try await factory.withFolder { folder in
            let store = try factory.open(folder)
            try await ContractFixtures.batchStore(store, items: 1)
            let now = Date()
            try await leave(example.attempt, in: store, by: ContractFixtures.owner("A", pid: try await ContractFixtures.deadPID()), at: now)

            // What a new process reads.
            let reader = try factory.open(folder)
            let item = try #require(try await reader.items(ofBatch: "b").first)
            let tasks = try await reader.records(matching: TaskFilter(batchID: "b"))
            let task = item.intentID.flatMap { id in tasks.first { $0.intentID == id } }
            let stage = BatchItemStage(item: item, task: task)
            #expect(stage == example.stage)
            #expect(stage.mayBePaid == (task?.state.mayBePaid ?? false), "one rule for what may be paid")
            #expect(stage.mayBeClaimed(retryingFailed: example.retrying) == example.claimable)
            let outcome = try await reader.claim(
                ContractFixtures.key(), by: ContractFixtures.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now,
                retryingFailed: example.retrying)
            #expect(outcome.isClaimed == example.claimable, "\(outcome)")
            if outcome.isClaimed {
                let claimed = try await reader.items(ofBatch: "b").first
                #expect(claimed?.error == nil && claimed?.intentID == item.intentID, "the earlier attempt stays linked until a new intent")
            }
        }
    }

    /// While the run that left an item lives and its lease holds, no other owner takes the item,
    /// at any stage (even with `--retry-failed`): an item whose create was not taken (a 429) is
    /// still being sent by its owner. An item its run ended locally (``TaskStore/finishItem``) is
    /// no longer held.
    static func aLiveOwnerKeepsItsItemAtEveryStage(_ factory: TaskStoreFactory, _ attempt: Attempt) async throws {
        try await factory.withStore { store in
            try await ContractFixtures.batchStore(store, items: 1)
            let now = Date()
            try await leave(attempt, in: store, by: ContractFixtures.owner("A"), at: now)
            let outcome = try await store.claim(
                ContractFixtures.key(), by: ContractFixtures.owner("B"), leaseUntil: now.addingTimeInterval(60), at: now, retryingFailed: true)
            if attempt == .none || attempt == .unusable {
                #expect(outcome == .claimed, "nobody holds it, or its run ended it")
            } else {
                #expect(!outcome.isClaimed, "\(outcome)")
            }
        }
    }
}
