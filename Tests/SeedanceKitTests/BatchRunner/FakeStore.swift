import SeedanceAPI
@testable import SeedanceKit

/// An in-memory state store shared by "processes" (``FakeLedger`` views with their own owner).
/// Its `disk` survives a simulated crash: a fresh runner is opened over a copy of it.
actor FakeStore {
    struct Disk: Sendable {
        var entries: [String: BatchLedgerEntry] = [:]
        var claims: [String: String] = [:]
    }

    private(set) var disk: Disk
    /// When set, every write throws (the store went away).
    var failWrites = false
    private(set) var writes: [String] = []

    init(_ disk: Disk = Disk()) {
        self.disk = disk
    }

    func setFailWrites(_ value: Bool) { failWrites = value }

    func entry(_ id: String) -> BatchLedgerEntry? { disk.entries[id] }

    func preset(_ entry: BatchLedgerEntry) { disk.entries[entry.itemID] = entry }

    func presetClaim(_ id: String, owner: String) { disk.claims[id] = owner }

    func open(_ items: [BatchLedgerItem]) throws -> [BatchLedgerEntry] {
        for item in items where disk.entries[item.id] == nil {
            disk.entries[item.id] = BatchLedgerEntry(itemID: item.id, stage: .notSent)
        }
        return items.compactMap { disk.entries[$0.id] }
    }

    func claim(_ id: String, owner: String, resending: Bool) throws -> Bool {
        try check("claim \(id)")
        if let holder = disk.claims[id], holder != owner { return false }
        guard let entry = disk.entries[id] else { return false }
        switch entry.stage {
        case .notSent:
            break
        case .refused, .taskFailed, .notSentFailed:
            guard resending else { return false }
            disk.entries[id] = BatchLedgerEntry(itemID: id, stage: .notSent)
        default:
            return false
        }
        disk.claims[id] = owner
        return true
    }

    func release(_ id: String, owner: String) throws {
        try check("release \(id)")
        if disk.claims[id] == owner { disk.claims[id] = nil }
    }

    /// What the real client does inside its create call: the intent row before the POST.
    func recordIntent(_ id: String) throws {
        try check("intent \(id)")
        disk.entries[id] = BatchLedgerEntry(itemID: id, stage: .intentOnly)
    }

    func update(_ id: String, _ stage: BatchLedgerEntry.Stage, taskID: String? = nil, duplicateOf: String? = nil, what: String) throws {
        try check(what)
        var entry = disk.entries[id] ?? BatchLedgerEntry(itemID: id, stage: stage)
        entry.stage = stage
        if let taskID { entry.taskID = taskID }
        if let duplicateOf { entry.duplicateOfTaskID = duplicateOf }
        disk.entries[id] = entry
        switch stage {
        case .notSent, .intentOnly: break
        default: disk.claims[id] = nil
        }
    }

    private func check(_ what: String) throws {
        if failWrites { throw FakeFailure(message: "disk I/O error writing \(what)") }
        writes.append(what)
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One process's view of a ``FakeStore``.
struct FakeLedger: BatchLedger {
    let store: FakeStore
    var owner = "this-process"

    func open(_ items: [BatchLedgerItem]) async throws -> [BatchLedgerEntry] { try await store.open(items) }

    func claim(_ itemID: String, resending: Bool) async throws -> Bool {
        try await store.claim(itemID, owner: owner, resending: resending)
    }

    func release(_ itemID: String) async throws { try await store.release(itemID, owner: owner) }

    func recordNotSent(_ itemID: String, reason: String) async throws {
        try await store.update(itemID, .notSentFailed(reason: reason), what: "not sent \(itemID)")
    }

    func recordCreated(_ itemID: String, taskID: String) async throws {
        try await store.update(itemID, .created, taskID: taskID, what: "created \(itemID)")
    }

    func recordRefused(_ itemID: String, reason: String) async throws {
        try await store.update(itemID, .refused(reason: reason), what: "refused \(itemID)")
    }

    func recordOutcomeUnknown(_ itemID: String, message: String) async throws {
        try await store.update(itemID, .outcomeUnknown(message: message), what: "unknown \(itemID)")
    }

    func recordDuplicate(_ itemID: String, of earlier: BatchEarlierRequest) async throws {
        let stage: BatchLedgerEntry.Stage = earlier.taskID == nil ? .outcomeUnknown(message: "duplicate") : .created
        try await store.update(itemID, stage, taskID: earlier.taskID, duplicateOf: earlier.taskID, what: "duplicate \(itemID)")
    }

    func recordTaskFinished(_ itemID: String, result: TaskResult) async throws {
        let stage: BatchLedgerEntry.Stage = result.status == .succeeded ? .succeeded : .taskFailed(reason: result.reason)
        try await store.update(itemID, stage, taskID: result.taskID, what: "finished \(itemID)")
    }

    func recordDownloaded(_ itemID: String, output: String) async throws {
        try await store.update(itemID, .downloaded(output: output), what: "downloaded \(itemID)")
    }
}
