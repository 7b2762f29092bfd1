import Foundation
import SeedanceAPI
import Testing

@testable import SeedanceKit

/// The adapters' pure rules: what a failed create means for the batch, and what the store's rows
/// say about an item when a run resumes.
@Suite struct BatchAdapterRulesTests {
    static let createFailures: [(SeedanceError.Kind, String)] = [
        (.provider(ProviderError(kind: .unknown, httpStatus: 429, reason: "RATE_LIMIT_EXCEEDED", message: "")), "rate_limited"),
        (.provider(ProviderError(kind: .unknown, httpStatus: 503, reason: "", message: "")), "rate_limited"),
        (.unreachable, "rate_limited"),
        (.provider(ProviderError(kind: .unknown, httpStatus: 400, reason: "INVALID_IMAGE", message: "")), "refused"),
        (.outcomeUnknown, "outcome_unknown"),
        (.malformedResponse, "outcome_unknown"),
        (.stateStore(StateStoreError(operation: "record intent", location: "/tmp", message: "disk full")), "ledger_failed"),
    ]

    @Test(arguments: createFailures)
    func aFailedCreateMapsToWhatTheRunnerMayDo(_ example: (kind: SeedanceError.Kind, expected: String)) {
        let outcome = ClientBatchCreator.outcome(for: SeedanceError(example.kind, "x"))
        let name =
            switch outcome {
            case .rateLimited: "rate_limited"
            case .refused: "refused"
            case .outcomeUnknown: "outcome_unknown"
            case .ledgerFailed: "ledger_failed"
            case .duplicate: "duplicate"
            case .created: "created"
            }
        #expect(name == example.expected)
    }

    @Test(
        "a 429's Retry-After reaches the throttle",
        arguments: [
            (429, Duration?.some(.seconds(30)), Duration?.some(.seconds(30))),
            (503, .some(.milliseconds(1500)), .some(.milliseconds(1500))),
            (429, nil, nil),
        ])
    func retryAfterIsCarried(_ example: (status: Int, retryAfter: Duration?, expected: Duration?)) {
        let provider = ProviderError(
            kind: .unknown, httpStatus: example.status, reason: "RATE_LIMIT_EXCEEDED", message: "", retryAfter: example.retryAfter)
        #expect(ClientBatchCreator.outcome(for: SeedanceError(.provider(provider), "x")) == .rateLimited(retryAfter: example.expected))
    }

    static func task(_ state: TaskState, _ creation: TaskCreation, taskID: String? = "t1", reason: String? = nil) -> TaskRecord {
        TaskRecord(
            intentID: "i1", createdAt: Date(), model: "m", baseURL: "b", fingerprint: "f", taskID: taskID, state: state,
            creation: creation, reason: reason)
    }

    @Test func anIntentInFlightInAnotherLiveProcessIsLeftToItNotReportedUnknown() {
        var row = BatchItemRecord(batchID: "b", itemID: "x", line: 1, state: .sent)
        row.intentID = "i1"
        let inFlight = Self.task(.intent, .unknown, taskID: nil)
        #expect(StoreBatchLedger.entry(for: row, task: inFlight, heldElsewhere: true).stage == .unsent)
        #expect(StoreBatchLedger.entry(for: row, task: inFlight, heldElsewhere: false).stage == .awaitingAnswer)
    }

    /// Read from typed columns only: a refusal's reason text never changes the stage.
    static let stages: [(TaskRecord?, SeedanceAPI.BatchItemState, BatchItemStage)] = [
        (nil, .pending, .unsent),
        (nil, .claimed, .unsent),
        (nil, .sent, .awaitingAnswer),
        (nil, .skipped, .abandoned(reason: "not sent")),
        (task(.intent, .unknown, taskID: nil), .sent, .awaitingAnswer),
        (task(.submitted, .created), .sent, .created),
        (task(.succeeded, .created), .sent, .succeeded),
        (task(.failed, .created, reason: "boom"), .sent, .failed(reason: "boom")),
        (task(.refused, .refused, taskID: nil, reason: "INVALID"), .sent, .refused(reason: "INVALID")),
        (task(.refused, .refused, taskID: nil, reason: "UNREACHABLE"), .sent, .refused(reason: "UNREACHABLE")),
        (task(.refused, .notSent, taskID: nil, reason: "INVALID"), .sent, .unsent),
        (task(.refused, .notSent, taskID: nil), .skipped, .abandoned(reason: "not sent")),
        (task(.outcomeUnknown, .unknown, taskID: nil, reason: "timeout"), .sent, .unknown(reason: "timeout")),
    ]

    @Test(arguments: stages)
    func theStoreSaysWhereAnItemStands(_ example: (task: TaskRecord?, state: SeedanceAPI.BatchItemState, stage: BatchItemStage)) {
        var row = BatchItemRecord(batchID: "b", itemID: "x", line: 1, state: example.state)
        row.intentID = example.task?.intentID
        #expect(StoreBatchLedger.entry(for: row, task: example.task).stage == example.stage)
    }

    @Test func aSavedVideoThatIsGoneIsFetchedAgain() {
        var row = BatchItemRecord(batchID: "b", itemID: "x", line: 1, state: .completed)
        row.intentID = "i1"
        var task = Self.task(.succeeded, .created)
        task.outputPath = "/nonexistent/\(UUID().uuidString).mp4"
        #expect(StoreBatchLedger.entry(for: row, task: task).stage == .succeeded)
        task.outputPath = "/dev/null"
        #expect(StoreBatchLedger.entry(for: row, task: task).stage == .downloaded(output: "/dev/null"))
    }
}
