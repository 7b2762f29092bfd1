import SeedanceKit
import Testing

/// The item state machine: the allowed moves, and none that could pay twice.
@Suite("Batch item state")
struct BatchItemStateTests {
    @Test func happyPathIsAllowed() {
        let path: [BatchItemState] = [.pending, .claimed, .preparing, .ready, .rateLimited, .submitting, .submitted, .running, .succeeded, .downloaded]
        for (from, to) in zip(path, path.dropFirst()) {
            #expect(from.canMove(to: to), "\(from) → \(to)")
        }
    }

    @Test("moves that must not happen", arguments: [
        (BatchItemState.outcomeUnknown, BatchItemState.submitting), (.outcomeUnknown, .pending), (.submitted, .submitting),
        (.running, .submitting), (.submitted, .pending), (.failed, .pending), (.downloaded, .succeeded), (.pending, .submitted),
        (.ready, .submitted), (.succeeded, .running),
    ])
    func forbidden(_ move: (from: BatchItemState, to: BatchItemState)) {
        #expect(!move.from.canMove(to: move.to))
    }

    @Test func finalStatesHaveNoSuccessors() {
        #expect(BatchItemState.allCases.filter(\.isFinal) == [.failed, .outcomeUnknown, .downloaded])
    }

    @Test func everyStateIsReachableFromPending() {
        var reached: Set<BatchItemState> = [.pending]
        var frontier: [BatchItemState] = [.pending]
        while let state = frontier.popLast() {
            for next in state.successors where reached.insert(next).inserted { frontier.append(next) }
        }
        #expect(reached == Set(BatchItemState.allCases))
    }

    @Test func rawValuesAreSnakeCase() {
        #expect(BatchItemState.allCases.map(\.rawValue) == [
            "pending", "claimed", "preparing", "ready", "rate_limited", "submitting", "submitted", "running",
            "succeeded", "failed", "outcome_unknown", "downloaded",
        ])
        #expect(BatchItemState.allCases.allSatisfy { $0.rawValue.allSatisfy { $0.isLowercase || $0 == "_" } })
    }

    @Test func phasesCoverEveryStatusColumn() {
        #expect(Set(BatchItemState.allCases.map(\.phase)) == Set(BatchProgress.Phase.allCases))
    }
}
