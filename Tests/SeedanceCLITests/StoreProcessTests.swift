import Foundation
import SeedanceAPI
import SeedanceStore
import Testing

/// Two real processes on one state store: claims are exclusive, and a worker killed with
/// SIGKILL leaves its item to others only while nothing may have been sent for it.
@Suite struct StoreProcessTests {
    static let batch = BatchRecord(id: "manifest-1", manifestPath: "manifest.jsonl", createdAt: Date())

    /// Runs `body` with a store in a scratch folder holding a batch of `items` items.
    static func withStore(items: Int, _ body: (URL, SQLiteTaskStore) async throws -> Void) async throws {
        try await withScratchFolder("store") { folder in
            let store = try SQLiteTaskStore(directory: folder)
            try await store.createBatch(batch, items: (0..<items).map { BatchItemRecord(batchID: batch.id, itemID: "item-\($0)", line: $0 + 1) })
            try await body(folder, store)
        }
    }

    /// Runs a `store-claim-probe` while `body` runs; it is killed and reaped afterwards whatever happens.
    static func withProbe<T>(_ arguments: [String], _ body: (ChildProcess.Running) async throws -> T) async throws -> T {
        let probe = try #require(TestPaths.executable("store-claim-probe"), "build store-claim-probe first (swift build --build-tests)")
        return try await ChildProcess.withStarted(probe, arguments, body)
    }

    @Test func twoProcessesOnOneManifestNeverTakeTheSameItem() async throws {
        let count = 120
        try await Self.withStore(items: count) { folder, store in
            let arguments = [folder.path, Self.batch.id, "\(count)"]
            let outputs = try await Self.withProbe(arguments) { first in
                try await Self.withProbe(arguments) { second in
                    [await first.waitForExit(), await second.waitForExit()]
                }
            }
            for output in outputs { #expect(output.status == 0 && !output.timedOut, "\(output.standardError)") }
            let claimed = outputs.flatMap { $0.standardOutput.split(separator: "\n").map(String.init) }
            #expect(claimed.count == count, "every item claimed once in all")
            #expect(Set(claimed).count == count, "no item claimed twice")
            let records = try await store.records(matching: TaskFilter(batchID: Self.batch.id))
            #expect(records.count == count, "one intent per item")
            #expect(try await store.items(ofBatch: Self.batch.id).allSatisfy { $0.state == .sent && $0.intentID != nil })
        }
    }

    @Test func aKilledWorkersClaimIsTakenOverOnlyBeforeItsIntent() async throws {
        try await Self.withStore(items: 2) { folder, store in
            try await Self.withProbe([folder.path, Self.batch.id, "item-0", "hold"]) { holder in
                try await Self.withProbe([folder.path, Self.batch.id, "item-1", "intent"]) { sender in
                    let held = await holder.waitForLine("held")
                    let sent = await sender.waitForLine("sent")
                    try #require(held && sent, "probes did not get ready: \(holder.standardErrorSoFar) \(sender.standardErrorSoFar)")

                    let me = ClaimOwner.currentProcess()
                    let now = Date()
                    let lease = now.addingTimeInterval(60)
                    let item0 = BatchItemKey(batchID: Self.batch.id, itemID: "item-0")
                    let item1 = BatchItemKey(batchID: Self.batch.id, itemID: "item-1")
                    // Alive: both are theirs.
                    guard case .heldByAnother = try await store.claim(item0, by: me, leaseUntil: lease, at: now) else {
                        Issue.record("took a live worker's item")
                        return
                    }
                    // Dead, as a crash leaves them: killed and reaped.
                    #expect(await holder.kill().signal == SIGKILL)
                    #expect(await sender.kill().signal == SIGKILL)
                    #expect(try await store.claim(item0, by: me, leaseUntil: lease, at: now) == .claimed, "dead owner, no intent: taken over")
                    guard case .alreadySent = try await store.claim(item1, by: me, leaseUntil: lease, at: now) else {
                        Issue.record("an item whose intent exists was handed out again")
                        return
                    }
                }
            }
        }
    }
}
