import Foundation
import SeedanceCore
import TestSupport

/// Records, owners and batches the contract's checks share.
enum ContractFixtures {
    static let model = "seedance-v1.5-pro"
    static let base = "https://api.novita.ai"
    static let batch = BatchRecord(id: "b", manifestPath: "manifest.jsonl", createdAt: Date())

    static func record(
        _ id: String, fingerprint: String = "fp", model: String = model, baseURL: String = base,
        createdAt: Date = Date(), batchItem: BatchItemKey? = nil
    ) -> TaskRecord {
        TaskRecord(
            intentID: id, createdAt: createdAt, model: model, baseURL: baseURL, fingerprint: fingerprint,
            inputs: [TaskInput(role: "first", source: "a.png", sha256: String(repeating: "b", count: 64))], batchItem: batchItem)
    }

    static func key(_ index: Int = 0) -> BatchItemKey { BatchItemKey(batchID: batch.id, itemID: "item-\(index)") }

    static func items(_ count: Int) -> [BatchItemRecord] {
        (0..<count).map { BatchItemRecord(batchID: batch.id, itemID: "item-\($0)", line: $0 + 1) }
    }

    static func owner(_ name: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> ClaimOwner {
        ClaimOwner(id: name, host: ClaimOwner.currentProcess().host, pid: pid)
    }

    /// The pid of a process that has exited and been reaped.
    static func deadPID() async throws -> Int32 {
        try await ChildProcess.withStarted("/bin/true", []) { child in
            _ = await child.waitForExit(timeout: 60)
            return child.pid
        }
    }

    /// A store with one batch of `count` items.
    static func batchStore(_ store: any TaskStore, items count: Int) async throws {
        try await store.createBatch(batch, items: items(count))
    }
}
