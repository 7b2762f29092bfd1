import Foundation
import SeedanceCore
import Testing

/// The checks every ``TaskStore`` must pass, whatever keeps its records. Each takes the store's
/// factory; the test targets run them with `@Test(arguments:)` over their factories.
public enum TaskStoreContract {}

// MARK: Submissions: intent before the call, the creation values, the duplicate window

extension TaskStoreContract {
    /// The intent is committed before the call: a second connection sees it, as `intent` with
    /// creation `unknown` (a task may exist from the moment the POST can leave).
    static func intentIsCommittedBeforeTheCall(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let store = try factory.open(folder)
            #expect(try await store.recordIntent(ContractFixtures.record("i1"), duplicatesSince: nil) == .recorded)
            let other = try factory.open(folder)
            let records = try await other.records(matching: .all)
            #expect(records.map(\.intentID) == ["i1"])
            #expect(records.first?.state == .intent)
            #expect(records.first?.creation == .unknown)
            #expect(records.first?.inputs.first?.source == "a.png")
        }
    }

    /// Each answer is recorded with its creation value, which also sets the state; a task-result
    /// for a known task makes it `created`.
    static func eachAnswerIsRecordedWithItsCreation(_ factory: TaskStoreFactory, _ creation: TaskCreation) async throws {
        try await factory.withFolder { folder in
            let store = try factory.open(folder)
            _ = try await store.recordIntent(ContractFixtures.record("i1"), duplicatesSince: nil)
            let taskID = creation == .created ? "t1" : nil
            try await store.recordAnswer(intentID: "i1", creation: creation, taskID: taskID, reason: "r", at: Date())
            let other = try factory.open(folder)
            let answered = try await other.records(matching: TaskFilter(states: [creation.answeredState]))
            #expect(answered.map(\.intentID) == ["i1"], "\(creation)")
            #expect(answered.first?.creation == creation)
            #expect(answered.first?.taskID == taskID)
            guard let taskID else { return }
            let finished = try await store.recordResult(taskID: taskID, status: .succeeded, reason: "", outputPath: "/v.mp4", at: Date())
            #expect(finished?.state == .succeeded && finished?.creation == .created && finished?.outputPath == "/v.mp4")
            #expect(finished?.providerStatus == TaskStatus.succeeded.rawValue)
            #expect(try await store.recordResult(taskID: "nobody", status: .failed, reason: nil, outputPath: nil, at: Date()) == nil)
        }
    }

    /// What a record names besides the request (its provider, what the provider echoes) is kept,
    /// and a task's actual cost is recorded over its estimate; another connection sees both.
    static func providerEchoAndActualCostAreKept(_ factory: TaskStoreFactory) async throws {
        try await factory.withFolder { folder in
            let store = try factory.open(folder)
            var record = ContractFixtures.record("i1")
            record.provider = "byteplus"
            record.echo = ["model": "dreamina-seedance-2-0-260128", "duration": "5"]
            record.estimatedCostUSD = 0.8
            _ = try await store.recordIntent(record, duplicatesSince: nil)
            try await store.recordAnswer(intentID: "i1", creation: .created, taskID: "t1", reason: nil, at: Date())
            let before = try await factory.open(folder).records(matching: .all).first
            #expect(before?.provider == "byteplus" && before?.echo == record.echo)
            #expect(before?.costUSD == nil && before?.costBasis == .estimate)
            try await store.recordCost(taskID: "t1", usd: 0.7623, at: Date())
            let after = try await factory.open(folder).records(matching: .all).first
            #expect(after?.costUSD == 0.7623 && after?.costBasis == .usage && after?.estimatedCostUSD == 0.8)
        }
    }

    /// The same request is refused while an earlier one may be paid: its intent has no answer
    /// yet (nil), or its answer's creation is `created` or `unknown`.
    static func theDuplicateWindowFollowsWhatMayBePaid(_ factory: TaskStoreFactory, _ earlier: TaskCreation?) async throws {
        try await factory.withStore { store in
            _ = try await store.recordIntent(ContractFixtures.record("earlier"), duplicatesSince: nil)
            if let earlier {
                try await store.recordAnswer(
                    intentID: "earlier", creation: earlier, taskID: earlier == .created ? "t-earlier" : nil, reason: nil, at: Date())
            }
            let outcome = try await store.recordIntent(ContractFixtures.record("later"), duplicatesSince: DuplicateRule.windowStart(at: Date()))
            if earlier?.answeredState.mayBePaid ?? true {
                guard case .duplicate(let record) = outcome else {
                    Issue.record("\(String(describing: earlier)): got \(outcome)")
                    return
                }
                #expect(record.intentID == "earlier")
                #expect(try await store.records(matching: .all).count == 1, "nothing recorded for the refused one")
            } else {
                #expect(outcome == .recorded, "\(String(describing: earlier))")
            }
            // Without a window (the caller allows a duplicate), it is always recorded.
            #expect(try await store.recordIntent(ContractFixtures.record("forced"), duplicatesSince: nil) == .recorded)
        }
    }

    /// A request that differs in fingerprint, model or base URL, or came before the window, is not a duplicate.
    static func differentRequestsAreNotDuplicates(_ factory: TaskStoreFactory) async throws {
        let differences: [(String, TaskRecord)] = [
            ("fingerprint", ContractFixtures.record("later-1", fingerprint: "fp2")),
            ("model", ContractFixtures.record("later-2", model: "seedance-v1-lite")),
            ("base URL", ContractFixtures.record("later-3", baseURL: "http://127.0.0.1:9")),
        ]
        try await factory.withStore { store in
            let old = Date().addingTimeInterval(-DuplicateRule.window - 60)
            _ = try await store.recordIntent(ContractFixtures.record("old", fingerprint: "old", createdAt: old), duplicatesSince: nil)
            #expect(
                try await store.recordIntent(
                    ContractFixtures.record("new", fingerprint: "old"), duplicatesSince: DuplicateRule.windowStart(at: Date())) == .recorded)
            _ = try await store.recordIntent(ContractFixtures.record("earlier"), duplicatesSince: nil)
            for (name, later) in differences {
                #expect(try await store.recordIntent(later, duplicatesSince: DuplicateRule.windowStart(at: Date())) == .recorded, "other \(name)")
            }
        }
    }
}
