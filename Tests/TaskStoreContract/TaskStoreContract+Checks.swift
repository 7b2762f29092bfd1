import SeedanceCore
public import Testing

extension TaskStoreContract {
    /// One named check of the contract, run against a store factory.
    public struct Check: Sendable, CustomTestStringConvertible {
        public var name: String
        public var run: @Sendable (TaskStoreFactory) async throws -> Void

        public var testDescription: String { name }
    }

    /// Every check, each table row its own: a test target runs
    /// `@Test(arguments: itsFactories, TaskStoreContract.checks)`.
    public static let checks: [Check] =
        [
            Check(name: "the intent is committed before the call", run: intentIsCommittedBeforeTheCall),
            Check(name: "the provider, the echo and the actual cost are kept", run: providerEchoAndActualCostAreKept),
        ]
        + TaskCreation.allCases.map { creation in
            Check(name: "an answer is recorded with creation \(creation.rawValue)") { try await eachAnswerIsRecordedWithItsCreation($0, creation) }
        }
        + ([nil] + TaskCreation.allCases.map(Optional.some)).map { earlier in
            Check(name: "the duplicate window after \(earlier?.rawValue ?? "an intent without answer")") {
                try await theDuplicateWindowFollowsWhatMayBePaid($0, earlier)
            }
        } + [
            Check(name: "different requests are not duplicates", run: differentRequestsAreNotDuplicates),
            Check(name: "a live holder keeps its claim", run: aLiveHolderKeepsItsClaim),
            Check(name: "a dead or lapsed holder's claim is taken over", run: aDeadOrLapsedHoldersClaimIsTakenOver),
            Check(name: "an item that may be paid is never handed out again", run: anItemThatMayBePaidIsNeverHandedOutAgain),
            Check(name: "racing connections claim each item once", run: racingConnectionsClaimEachItemOnce),
            Check(name: "release gives back only unpaid claims", run: releaseGivesBackOnlyUnpaidClaims),
            Check(name: "a legacy journal is imported once", run: aLegacyJournalIsImportedOnce),
        ]
        + resumeExamples.map { example in
            Check(name: "resume: \(example.testDescription)") { try await resumeDecidesFromTypedColumns($0, example) }
        }
        + Set(resumeExamples.map(\.attempt)).sorted { $0.description < $1.description }.map { attempt in
            Check(name: "a live owner keeps its item: \(attempt)") { try await aLiveOwnerKeepsItsItemAtEveryStage($0, attempt) }
        } + retryChecks
}
