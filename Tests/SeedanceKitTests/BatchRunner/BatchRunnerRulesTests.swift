@testable import SeedanceKit
import Testing

/// The pure decisions of a batch run, one table each.
@Suite("BatchRunnerRules")
struct BatchRunnerRulesTests {
    struct ExitCase: Sendable, CustomTestStringConvertible {
        var failed = 0, unknown = 0, capped = 0, unfinished = 0
        var ledger = false
        var expected: BatchExitStatus
        var testDescription: String { "f\(failed) u\(unknown) c\(capped) r\(unfinished) io\(ledger) → \(expected.rawValue)" }
    }

    @Test("exit status precedence: 74 > 4 > 3 > 7 > 5 > 0", arguments: [
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
    func exitStatus(_ row: ExitCase) {
        let status = BatchExitStatus.decide(
            failed: row.failed, outcomeUnknown: row.unknown, capped: row.capped, unfinished: row.unfinished, ledgerFailed: row.ledger)
        #expect(status == row.expected)
    }

    @Test("exit codes are the agreed numbers")
    func exitCodes() {
        #expect(BatchExitStatus.allCases.map(\.rawValue) == [0, 3, 4, 5, 7, 74])
    }

    struct ResumeCase: Sendable, CustomTestStringConvertible {
        var entry: BatchLedgerEntry?
        var retryFailed = false
        var expected: BatchResumeAction
        var testDescription: String { "\(entry.map { "\($0.stage)" } ?? "new") retry=\(retryFailed)" }
    }

    static let resumeCases: [ResumeCase] = [
        ResumeCase(entry: nil, expected: .send(resending: false)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .notSent), expected: .send(resending: false)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .created, taskID: "t"), expected: .watch(taskID: "t", state: .submitted)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .succeeded, taskID: "t"), expected: .watch(taskID: "t", state: .succeeded)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .downloaded(output: "o.mp4"), taskID: "t"), expected: .done(output: "o.mp4")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .outcomeUnknown(message: "m"), taskID: "t"),
                   retryFailed: true, expected: .watch(taskID: "t", state: .submitted)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .outcomeUnknown(message: "m")), retryFailed: true,
                   expected: .report(.outcomeUnknown, error: "m")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .refused(reason: "r")), expected: .report(.failed, error: "r")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .refused(reason: "r")), retryFailed: true, expected: .send(resending: true)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .taskFailed(reason: "r"), taskID: "t"), expected: .report(.failed, error: "r")),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .taskFailed(reason: "r"), taskID: "t"), retryFailed: true,
                   expected: .send(resending: true)),
        ResumeCase(entry: BatchLedgerEntry(itemID: "x", stage: .notSentFailed(reason: "r")), retryFailed: true,
                   expected: .send(resending: true)),
    ]

    @Test("what a run does with each stored state", arguments: resumeCases)
    func resume(_ row: ResumeCase) {
        #expect(BatchResumeAction.decide(row.entry, retryFailed: row.retryFailed) == row.expected)
    }

    @Test("an intent without an answer is never sent again, even with retryFailed", arguments: [false, true])
    func intentOnly(retryFailed: Bool) {
        let action = BatchResumeAction.decide(BatchLedgerEntry(itemID: "x", stage: .intentOnly), retryFailed: retryFailed)
        guard case .report(.outcomeUnknown, _) = action else {
            Issue.record("expected outcome_unknown, got \(action)")
            return
        }
    }

    @Test("ETA from what ended in this run", arguments: [
        (Duration.seconds(60), 0, 5, Duration?.none),
        (Duration.seconds(60), 2, 4, Duration?.some(.seconds(120))),
        (Duration.seconds(60), 3, 0, Duration?.some(.zero)),
        (Duration.zero, 1, 3, Duration?.none),
    ])
    func eta(elapsed: Duration, ended: Int, remaining: Int, expected: Duration?) {
        #expect(BatchRunProgress.eta(elapsed: elapsed, endedThisRun: ended, remaining: remaining) == expected)
    }
}
