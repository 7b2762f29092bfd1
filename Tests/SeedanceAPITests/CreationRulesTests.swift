import SeedanceAPI
import SeedanceStore
import Testing

/// The pay-once ledger's rules as tables: what each last attempt of a create call proves, and
/// what a row written before `creation` existed proves.
@Suite struct CreationRulesTests {
    @Test(arguments: [
        (AttemptOutcome.response(status: 200, retryAfter: nil), TaskCreation.created),
        (.response(status: 429, retryAfter: .seconds(3)), .notSent),
        (.response(status: 503, retryAfter: nil), .notSent),
        (.response(status: 400, retryAfter: nil), .refused),
        (.response(status: 403, retryAfter: nil), .refused),
        (.response(status: 404, retryAfter: nil), .refused),
        (.response(status: 500, retryAfter: nil), .unknown),
        (.response(status: 502, retryAfter: nil), .unknown),
        (.transport(.notConnected), .notSent),
        (.transport(.readTimeout), .unknown),
        (.transport(.connectionClosed), .unknown),
        (.transport(.other), .unknown),
    ])
    func theLastAttemptSaysWhetherATaskWasCreated(_ example: (outcome: AttemptOutcome, creation: TaskCreation)) {
        #expect(SubmitFailureClassifier.creation(example.outcome) == example.creation)
        // What may be retried is exactly what provably made nothing.
        let retried = if case .retry = SubmitFailureClassifier.decide(example.outcome) { true } else { false }
        #expect(retried == (example.creation == .notSent))
    }

    @Test(arguments: [
        (TaskState.intent, String?.none, String?.none, TaskCreation.unknown),
        (.submitted, "t", nil, .created),
        (.submitted, nil, nil, .unknown),
        (.succeeded, "t", nil, .created),
        (.failed, "t", "TASK_FAILED", .created),
        (.outcomeUnknown, nil, nil, .unknown),
        (.outcomeUnknown, "t", nil, .created),
        (.refused, nil, "UNREACHABLE", .notSent),
        (.refused, nil, "RATE_LIMIT_EXCEEDED", .notSent),
        (.refused, nil, "not taken (HTTP 429 or 503, or no connection); safe to send again", .notSent),
        (.refused, nil, "INVALID_API_KEY", .refused),
        (.refused, nil, "unreachable", .refused),
        (.refused, nil, nil, .refused),
    ])
    func anOldRowProvesWhatItCan(_ example: (state: TaskState, taskID: String?, reason: String?, creation: TaskCreation)) {
        #expect(TaskCreation.derived(state: example.state, taskID: example.taskID, reason: example.reason) == example.creation)
    }

    @Test(arguments: TaskCreation.allCases)
    func anAnswerSetsItsState(_ creation: TaskCreation) {
        let expected: [TaskCreation: TaskState] = [.created: .submitted, .notSent: .refused, .refused: .refused, .unknown: .outcomeUnknown]
        #expect(creation.answeredState == expected[creation])
    }
}
