import Foundation
import SeedanceAPI
import SeedanceKit
import SeedanceStore
import Testing

/// The ledger over a real SQLite store: a run that stops before sending gives its claims back,
/// so the next run in the same living process (a new owner) sends those items at once.
@Suite struct StoreBatchLedgerTests {
    @Test func aRunThatStopsGivesItsClaimsBackToTheNextRunInTheSameProcess() async throws {
        try await withScratchFolder("ledger") { folder in
            let store = try SQLiteTaskStore(directory: folder)
            let items = ["a", "b"].enumerated().map { BatchLedgerItem(id: $1, line: $0 + 1, output: "\($1).mp4", estimatedCostUSD: 0.1) }
            let first = StoreBatchLedger(store: store, batchID: "batch-x", manifestPath: "m.jsonl")
            let second = StoreBatchLedger(store: store, batchID: "batch-x", manifestPath: "m.jsonl")
            #expect(first.owner.pid == second.owner.pid && first.owner.id != second.owner.id)
            _ = try await first.open(items)
            #expect(try await first.claim("a", resending: false))
            #expect(try await first.claim("b", resending: false))
            try await first.release("a")

            _ = try await second.open(items)
            #expect(try await second.claim("a", resending: false), "given back: taken at once")
            #expect(try await second.claim("b", resending: false) == false, "not given back: its living owner keeps it until the lease ends")
        }
    }
}
