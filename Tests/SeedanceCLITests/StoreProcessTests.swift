import Foundation
import SeedanceAPI
import SeedanceStore
import Testing

/// Two real processes on one state store: claims are exclusive, and a worker killed with
/// SIGKILL leaves its item to others only while nothing may have been sent for it.
@Suite struct StoreProcessTests {
    static let batch = BatchRecord(id: "manifest-1", manifestPath: "manifest.jsonl", createdAt: Date())

    static func store(items: Int) async throws -> (URL, SQLiteTaskStore) {
        let folder = try temporaryDirectory("store")
        let store = try SQLiteTaskStore(directory: folder)
        try await store.createBatch(batch, items: (0..<items).map { BatchItemRecord(batchID: batch.id, itemID: "item-\($0)", line: $0 + 1) })
        return (folder, store)
    }

    @Test func twoProcessesOnOneManifestNeverTakeTheSameItem() async throws {
        let count = 120
        let (folder, store) = try await Self.store(items: count)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workers = try (0..<2).map { _ in try ProbeProcess(arguments: [folder.path, Self.batch.id, "\(count)"]) }
        defer { workers.forEach { $0.terminate() } }
        let outputs = workers.map { $0.waitForExit() }
        for output in outputs { #expect(output.status == 0, "\(output.stderr)") }
        let claimed = outputs.flatMap { $0.stdout.split(separator: "\n").map(String.init) }
        #expect(claimed.count == count, "every item claimed once in all")
        #expect(Set(claimed).count == count, "no item claimed twice")
        let records = try await store.records(matching: TaskFilter(batchID: Self.batch.id))
        #expect(records.count == count, "one intent per item")
        #expect(try await store.items(ofBatch: Self.batch.id).allSatisfy { $0.state == .sent && $0.intentID != nil })
    }

    @Test func aKilledWorkersClaimIsTakenOverOnlyBeforeItsIntent() async throws {
        let (folder, store) = try await Self.store(items: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try ProbeProcess(arguments: [folder.path, Self.batch.id, "item-0", "hold"])
        defer { holder.terminate() }
        let sender = try ProbeProcess(arguments: [folder.path, Self.batch.id, "item-1", "intent"])
        defer { sender.terminate() }
        let held = holder.waitForLine("held")
        let sent = sender.waitForLine("sent")
        try #require(held && sent, "probes did not get ready: \(holder.stderrSoFar) \(sender.stderrSoFar)")

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
        holder.terminate()
        sender.terminate()
        _ = holder.waitForExit()
        _ = sender.waitForExit()
        #expect(try await store.claim(item0, by: me, leaseUntil: lease, at: now) == .claimed, "dead owner, no intent: taken over")
        guard case .alreadySent = try await store.claim(item1, by: me, leaseUntil: lease, at: now) else {
            Issue.record("an item whose intent exists was handed out again")
            return
        }
    }
}

/// A `store-claim-probe` child; killed and reaped by `terminate()` whatever the test does.
final class ProbeProcess: @unchecked Sendable {
    let process = Process()
    private let out = Pipe(), err = Pipe()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: TestPaths.executable("store-claim-probe") ?? "/nonexistent/store-claim-probe")
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: false) }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: true) }
        try process.run()
    }

    private func append(_ data: Data, error: Bool) {
        lock.withLock {
            if error { stderrText += String(decoding: data, as: UTF8.self) } else { stdoutText += String(decoding: data, as: UTF8.self) }
        }
    }

    /// Waits up to 60 s for `line` on stdout; false if the process ended or time ran out.
    func waitForLine(_ line: String) -> Bool {
        for _ in 0..<600 {
            if lock.withLock({ stdoutText.split(separator: "\n").contains { $0 == line } }) { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func waitForExit() -> (status: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        // Let the handlers drain what the pipes still hold.
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        let restErr = err.fileHandleForReading.readDataToEndOfFile()
        append(rest, error: false)
        append(restErr, error: true)
        return lock.withLock { (process.terminationStatus, stdoutText, stderrText) }
    }

    var stderrSoFar: String { lock.withLock { stderrText } }

    /// SIGKILL, as a crash would, then reap.
    func terminate() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
