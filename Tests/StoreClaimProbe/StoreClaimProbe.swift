// A test-only helper process for the two-process claim tests (StoreProcessTests).
//
//   store-claim-probe DIR BATCH COUNT           claim every item it can, record an intent for
//                                               each, print "claimed ITEM" per item, exit 0
//   store-claim-probe DIR BATCH ITEM hold       claim ITEM, print "held", then sleep (to be killed)
//   store-claim-probe DIR BATCH ITEM intent     claim ITEM, record its intent, print "sent", sleep
import Foundation
import SeedanceCore
import SeedanceStore

@main
struct StoreClaimProbe {
    /// Holds on until the test kills it; ends by itself if the test process is gone (its parent
    /// changed) or after ten minutes, so a crashed test run never leaves a probe behind.
    static func waitToBeKilled() -> Never {
        let parent = getppid()
        for _ in 0..<(10 * 60 * 10) where getppid() == parent {
            usleep(100_000)
        }
        exit(0)
    }

    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count >= 4 else {
            FileHandle.standardError.write(Data("usage: store-claim-probe DIR BATCH COUNT|ITEM [hold|intent]\n".utf8))
            exit(64)
        }
        do {
            let store = try SQLiteTaskStore(directory: URL(fileURLWithPath: arguments[1]))
            let owner = ClaimOwner.currentProcess()
            if arguments.count == 5 {
                let key = BatchItemKey(batchID: arguments[2], itemID: arguments[3])
                guard try await claim(key, store, owner) else {
                    print("not claimed")
                    exit(1)
                }
                if arguments[4] == "intent" {
                    _ = try await store.recordIntent(intent(for: key), duplicatesSince: nil)
                    say("sent")
                } else {
                    say("held")
                }
                waitToBeKilled()
            }
            for index in 0..<(Int(arguments[3]) ?? 0) {
                let key = BatchItemKey(batchID: arguments[2], itemID: "item-\(index)")
                guard try await claim(key, store, owner) else { continue }
                // What a batch worker does next: record the intent (then it would POST).
                guard case .recorded = try await store.recordIntent(intent(for: key), duplicatesSince: nil) else {
                    FileHandle.standardError.write(Data("claimed \(key.itemID) but its intent was refused\n".utf8))
                    exit(1)
                }
                say("claimed \(key.itemID)")
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(74)
        }
    }

    /// Unbuffered, so the test sees the line while this process still runs.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func claim(_ key: BatchItemKey, _ store: SQLiteTaskStore, _ owner: ClaimOwner) async throws -> Bool {
        let now = Date()
        return try await store.claim(key, by: owner, leaseUntil: now.addingTimeInterval(600), at: now).isClaimed
    }

    static func intent(for key: BatchItemKey) -> TaskRecord {
        TaskRecord(
            intentID: UUID().uuidString.lowercased(), createdAt: Date(), model: "seedance-v1.5-pro",
            baseURL: "http://127.0.0.1:9", fingerprint: "fp-\(key.itemID)", batchItem: key)
    }
}
