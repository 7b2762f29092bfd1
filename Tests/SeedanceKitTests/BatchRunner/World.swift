import Foundation
import SeedanceAPI

@testable import SeedanceKit

/// Everything a runner talks to for one test: fakes for the provider and the machine, a real
/// store in a scratch folder; `runner` makes a fresh runner (a new process) over the same store
/// and provider.
struct World {
    var provider = FakeProvider()
    var store: ScratchStore
    var gate = FakeGate()
    var downloader = FakeDownloader()
    var alive = AliveCounter()
    var prepareHook: @Sendable (BatchItem<String>) async throws -> Void = { _ in }
    var afterPost: @Sendable (String) async -> BatchCreateOutcome? = { _ in nil }

    /// A world whose store lives in `folder` (a scratch folder the test removes).
    init(in folder: URL) throws {
        store = try ScratchStore(in: folder)
    }

    func runner(
        _ options: BatchRunOptions = BatchRunOptions(preparers: 2), owner: String = "this-process", time: TimeSource = .instant
    ) -> BatchRunner<String, FakePrepared> {
        BatchRunner(
            preparer: FakePreparer(provider: provider, alive: alive, hook: prepareHook),
            creator: FakeCreator(provider: provider, store: store, alive: alive, afterPost: afterPost),
            ledger: store.ledger(owner: owner), watcher: FakeWatcher(provider: provider),
            downloader: downloader, gate: gate, options: options, time: time)
    }

    static func items(_ ids: [String], cost: Double? = 0.26, payload: (String) -> String = { _ in "ok" }) -> [BatchItem<String>] {
        ids.enumerated().map { index, id in
            BatchItem(id: id, line: index + 1, payload: payload(id), output: "out/\(id).mp4", estimatedCostUSD: cost)
        }
    }
}

extension TimeSource {
    /// No deadline ever fires on its own; nothing waits.
    static let instant = TimeSource(now: { .zero }, sleep: { _ in try await Task.sleep(for: .seconds(86_400)) }, jitter: { 0.5 })
}

extension BatchRunSummary {
    func item(_ id: String) -> BatchItemResult? { items.first { $0.id == id } }
    func states() -> [String: BatchRunItemState] { Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.state) }) }
}

/// A one-shot signal a test fires by hand (a deadline, a crash point).
actor Signal {
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func fire() {
        fired = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    func wait() async {
        if fired { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
