import Testing

@testable import SeedanceKit

/// The pure decisions of a batch run, one table each.
@Suite("BatchRunnerRules")
struct BatchRunnerRulesTests {
    struct ExitCase: Sendable, CustomTestStringConvertible {
        var failed = 0, unknown = 0, capped = 0, unfinished = 0
        var ledger = false
        var expected: BatchOutcome
        var testDescription: String { "f\(failed) u\(unknown) c\(capped) r\(unfinished) io\(ledger) → \(expected.rawValue)" }
    }

    @Test(
        "outcome precedence: io > unknown > failed > capped > still running > succeeded",
        arguments: [
            ExitCase(expected: .succeeded),
            ExitCase(unfinished: 1, expected: .stillRunning),
            ExitCase(capped: 1, unfinished: 1, expected: .stoppedAtCap),
            ExitCase(failed: 1, capped: 1, unfinished: 1, expected: .someFailed),
            ExitCase(failed: 1, unknown: 1, capped: 1, unfinished: 1, expected: .someOutcomeUnknown),
            ExitCase(failed: 1, unknown: 1, capped: 1, unfinished: 1, ledger: true, expected: .localIOFailure),
            ExitCase(unknown: 2, expected: .someOutcomeUnknown),
            ExitCase(failed: 3, expected: .someFailed),
            ExitCase(capped: 2, expected: .stoppedAtCap),
            ExitCase(ledger: true, expected: .localIOFailure),
        ])
    func outcome(_ row: ExitCase) {
        let status = BatchOutcome.decide(
            failed: row.failed, outcomeUnknown: row.unknown, capped: row.capped, unfinished: row.unfinished, ledgerFailed: row.ledger)
        #expect(status == row.expected)
    }

    @Test("outcomes are named in snake_case, with no numbers (the CLI maps them to exit codes)")
    func outcomeNames() {
        #expect(
            BatchOutcome.allCases.map(\.rawValue)
                == ["succeeded", "some_failed", "some_outcome_unknown", "still_running", "stopped_at_cap", "local_io_failure"])
    }

    struct ResumeCase: Sendable, CustomTestStringConvertible {
        var entry: BatchLedgerEntry?
        var retryFailed = false
        var expected: BatchResumeAction
        var testDescription: String { "\(entry.map { "\($0.stage)" } ?? "new") retry=\(retryFailed)" }
    }

    static let resumeCases: [ResumeCase] = [
        ResumeCase(entry: nil, expected: .send(resending: false)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .unsent), expected: .send(resending: false)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .created, taskID: "t"), expected: .watch(taskID: "t", state: .submitted)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .succeeded, taskID: "t"), expected: .watch(taskID: "t", state: .succeeded)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .downloaded(output: "o.mp4"), taskID: "t"), expected: .done(output: "o.mp4")),
        ResumeCase(
            entry: BatchLedgerEntry(itemID: "x", stage: .unknown(reason: "m")), retryFailed: true,
            expected: .report(.outcomeUnknown, error: "m")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .refused(reason: "r")), expected: .report(.failed, error: "r")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .refused(reason: "r")), retryFailed: true, expected: .send(resending: true)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .failed(reason: "r"), taskID: "t"), expected: .report(.failed, error: "r")),
        ResumeCase(
            entry: BatchLedgerEntry(itemID: "x", stage: .failed(reason: "r"), taskID: "t"), retryFailed: true,
            expected: .send(resending: true)),
        ResumeCase(
            entry: BatchLedgerEntry(itemID: "x", stage: .abandoned(reason: "r")), retryFailed: true,
            expected: .send(resending: true)),
    ]

    @Test("what a run does with each stored state", arguments: resumeCases)
    func resume(_ row: ResumeCase) {
        #expect(BatchResumeAction.decide(row.entry, retryFailed: row.retryFailed) == row.expected)
    }

    @Test("an intent without an answer is never sent again, even with retryFailed", arguments: [false, true])
    func intentOnly(retryFailed: Bool) {
        let action = BatchResumeAction.decide(BatchLedgerEntry(itemID: "x", stage: .awaitingAnswer), retryFailed: retryFailed)
        guard case .report(.outcomeUnknown, _) = action else {
            Issue.record("expected outcome_unknown, got \(action)")
            return
        }
    }

    @Test(
        "ETA from what ended in this run",
        arguments: [
            (Duration.seconds(60), 0, 5, Duration?.none),
            (Duration.seconds(60), 2, 4, Duration?.some(.seconds(120))),
            (Duration.seconds(60), 3, 0, Duration?.some(.zero)),
            (Duration.zero, 1, 3, Duration?.none),
        ])
    func eta(elapsed: Duration, ended: Int, remaining: Int, expected: Duration?) {
        #expect(BatchRunProgress.eta(elapsed: elapsed, endedThisRun: ended, remaining: remaining) == expected)
    }

    enum MeterEvent: Sendable {
        case start(Int)
        case end(Int, frames: Int?)
    }

    /// Instants in seconds; the stage's time runs from the first start to the last end, and a
    /// failed preparation counts for time but not for items or frames.
    @Test(
        "prepare-stage figures",
        arguments: [
            ([MeterEvent](), BatchPreparation()),
            ([.start(2), .end(5, frames: 2)], BatchPreparation(items: 1, frames: 2, seconds: 3)),
            ([.start(0), .start(1), .end(4, frames: 1), .end(3, frames: 2)], BatchPreparation(items: 2, frames: 3, seconds: 4)),
            ([.start(0), .end(2, frames: nil), .start(2), .end(6, frames: 1)], BatchPreparation(items: 1, frames: 1, seconds: 6)),
        ])
    func preparationMeter(_ example: ([MeterEvent], BatchPreparation)) {
        var meter = PreparationMeter()
        for event in example.0 {
            switch event {
            case .start(let at): meter.start(at: .seconds(at))
            case .end(let at, let frames): meter.end(at: .seconds(at), frames: frames)
            }
        }
        #expect(meter.preparation == example.1)
    }
}
