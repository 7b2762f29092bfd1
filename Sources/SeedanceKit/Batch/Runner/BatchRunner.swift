public import SeedanceAPI

/// Runs a batch: prepares items on several workers while earlier ones are sent and polled,
/// sends each through one gate (rate and in-flight cap) and the spending cap, follows every task
/// with one poll loop, downloads what succeeded, and reports progress as it goes.
///
/// Money rules, per item: a create is sent only for an item this process claimed; an item whose
/// earlier create may have made a paid task is never sent again; a 429 (provably not taken)
/// sends the item again after the gate's pause. Resuming (a new runner over the same ledger)
/// follows tasks from earlier runs instead of sending them again.
///
/// One runner, one run: ``progress`` ends when ``run(_:)`` returns.
///
/// ```swift
/// let runner = BatchRunner(preparer: preparer, creator: creator, ledger: ledger, watcher: watcher,
///                          downloader: downloader, gate: throttle, options: BatchRunOptions(maxSpendUSD: 20))
/// async let summary = runner.run(items)
/// for await progress in runner.progress { print(progress[.running], progress.spentUSD) }
/// let result = try await summary          // result.outcome, result.items
/// ```
public struct BatchRunner<Payload: Sendable, Prepared: Sendable>: Sendable {
    let preparer: any BatchPreparer<Payload, Prepared>
    let creator: any BatchCreator<Prepared>
    let ledger: any BatchLedger
    let watcher: any BatchTaskWatcher
    let downloader: any BatchDownloader
    let gate: any BatchCreateGate
    public let options: BatchRunOptions
    let time: TimeSource

    /// Snapshots as items move (only the newest is kept for a slow reader); ends with the run.
    public let progress: AsyncStream<BatchRunProgress>
    let progressContinuation: AsyncStream<BatchRunProgress>.Continuation

    public init(
        preparer: some BatchPreparer<Payload, Prepared>, creator: some BatchCreator<Prepared>, ledger: some BatchLedger,
        watcher: some BatchTaskWatcher, downloader: some BatchDownloader, gate: some BatchCreateGate,
        options: BatchRunOptions = BatchRunOptions(), time: TimeSource = .system
    ) {
        self.preparer = preparer
        self.creator = creator
        self.ledger = ledger
        self.watcher = watcher
        self.downloader = downloader
        self.gate = gate
        self.options = options
        self.time = time
        (progress, progressContinuation) = AsyncStream.makeStream(of: BatchRunProgress.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Runs every item to its end (or until the deadline, the cap, a store failure or
    /// cancellation) and says how it went. Throws only when it refuses to start (nothing sent).
    public func run(_ items: [BatchItem<Payload>]) async throws(SeedanceKitError) -> BatchRunSummary {
        defer { progressContinuation.finish() }
        try Self.checkUniqueIDs(items)
        let entries: [BatchLedgerEntry]
        do {
            entries = try await ledger.open(
                items.map {
                    BatchLedgerItem(id: $0.id, line: $0.line, output: $0.output, estimatedCostUSD: $0.estimatedCostUSD)
                })
        } catch {
            throw SeedanceKitError(.ledgerUnavailable, "the state store could not be opened: \(error); nothing was sent")
        }
        let known = Dictionary(entries.map { ($0.itemID, $0) }, uniquingKeysWith: { _, last in last })
        let actions = items.map { BatchResumeAction.decide(known[$0.id], retryFailed: options.retryFailed) }
        if options.maxSpendUSD != nil { try Self.checkPrices(items, actions) }

        let board = BatchRunBoard(
            rows: zip(items, actions).map { Self.row(for: $0, action: $1, entry: known[$0.id]) },
            cap: options.maxSpendUSD, time: time, progress: progressContinuation)
        progressContinuation.yield(await board.snapshot())
        let plan = Plan(
            toSend: zip(items, actions).compactMap { item, action in
                if case .send(let resending) = action { Outgoing(item: item, resending: resending) } else { nil }
            },
            toWatch: actions.compactMap { if case .watch(let taskID, _) = $0 { taskID } else { nil } })
        await runStages(plan, board: board)
        return await board.summary()
    }

    struct Plan: Sendable {
        var toSend: [Outgoing]
        var toWatch: [String]
    }

    struct Outgoing: Sendable {
        var item: BatchItem<Payload>
        var resending: Bool
    }

    static func checkUniqueIDs(_ items: [BatchItem<Payload>]) throws(SeedanceKitError) {
        var seen: [String: Int] = [:]
        for item in items {
            if let line = seen[item.id] {
                throw SeedanceKitError(.duplicateItemID, "line \(item.line): id \"\(item.id)\" is already used on line \(line); ids must be unique")
            }
            seen[item.id] = item.line
        }
    }

    static func checkPrices(_ items: [BatchItem<Payload>], _ actions: [BatchResumeAction]) throws(SeedanceKitError) {
        let unpriced = zip(items, actions).filter { item, action in
            if case .send = action { item.estimatedCostUSD == nil } else { false }
        }.map(\.0)
        guard let first = unpriced.first else { return }
        throw SeedanceKitError(
            .unknownPriceWithCap,
            "a spending cap needs a price for every item to send, and \(unpriced.count) have none (first: line \(first.line), id \"\(first.id)\"); "
                + "give a price for its model or run without a cap. Nothing was sent")
    }

    static func row(for item: BatchItem<Payload>, action: BatchResumeAction, entry: BatchLedgerEntry?) -> BatchRunBoard.Row {
        var row = BatchRunBoard.Row(
            id: item.id, line: item.line, output: item.output, estimate: item.estimatedCostUSD, state: .pending,
            taskID: entry?.taskID, counted: entry?.stage.mayBePaid ?? false)
        switch action {
        case .send:
            // A new attempt: what an earlier one cost is not this run's to count.
            row.taskID = nil
            row.counted = false
        case .watch(_, let state):
            row.state = state
            // A task of its own still at the provider takes an in-flight slot.
            if state == .submitted { row.slot = .wanted }
        case .report(let state, let error):
            row.state = state
            row.error = error
        case .done(let output):
            row.state = .downloaded
            row.saved = output
        }
        return row
    }
}
