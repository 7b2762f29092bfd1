import SeedanceAPI

/// The one place a run's item states live: every stage reports here, the progress stream is fed
/// from here, and the summary is read from here. Also holds the spend and the in-flight slots.
actor BatchRunBoard {
    /// Whether an item holds one of the gate's in-flight slots.
    enum Slot {
        case none
        /// A task from an earlier run still at the provider: it should hold a slot.
        case wanted
        case held
    }

    struct Row {
        let id: String
        let line: Int
        let output: String
        let estimate: Double?
        var state: BatchRunItemState
        var taskID: String?
        var error: String?
        var saved: String?
        var duplicateOfTaskID: String?
        var slot = Slot.none
        /// Counted in the spend (it was, or may have been, paid for).
        var counted = false
        /// Its video is queued for download (or being saved).
        var downloading = false
    }

    private var rows: [String: Row] = [:]
    private let order: [String]
    /// Items following each task (several when items duplicate each other).
    private var itemsByTask: [String: [String]] = [:]
    private var spent = 0.0
    private let cap: Double?
    private(set) var stopReason: BatchRunSummary.Stop?
    private var abortWaiters: [CheckedContinuation<Void, Never>] = []
    private let time: TimeSource
    private let started: Duration
    private var endedThisRun = 0
    private var meter = PreparationMeter()
    private let progress: AsyncStream<BatchRunProgress>.Continuation

    init(rows: [Row], cap: Double?, time: TimeSource, progress: AsyncStream<BatchRunProgress>.Continuation) {
        self.order = rows.map(\.id)
        self.cap = cap
        self.time = time
        self.started = time.now()
        self.progress = progress
        for row in rows {
            self.rows[row.id] = row
            if let taskID = row.taskID, !row.state.isFinal { itemsByTask[taskID, default: []].append(row.id) }
            if row.counted { spent += row.estimate ?? 0 }
        }
    }

    // MARK: States

    func state(of id: String) -> BatchRunItemState? { rows[id]?.state }

    func set(_ id: String, _ state: BatchRunItemState, error: String? = nil) {
        guard var row = rows[id] else { return }
        if !row.state.isFinal && state.isFinal { endedThisRun += 1 }
        row.state = state
        if let error { row.error = error }
        rows[id] = row
        emit()
    }

    /// The item has a task to follow: its own (`holdsSlot`) or an earlier identical one.
    func follow(_ id: String, taskID: String, holdsSlot: Bool, duplicateOf: String? = nil) {
        rows[id]?.taskID = taskID
        rows[id]?.duplicateOfTaskID = duplicateOf
        if holdsSlot { rows[id]?.slot = .held }
        itemsByTask[taskID, default: []].append(id)
        set(id, .submitted)
    }

    func items(following taskID: String) -> [String] { itemsByTask[taskID] ?? [] }

    /// The item's own task id: nil when it follows an earlier identical request.
    func ownTask(of id: String) -> String? {
        rows[id].flatMap { $0.duplicateOfTaskID == nil ? $0.taskID : nil }
    }

    /// The items still waiting for this task's answer (an item that ended ignores later ones).
    func followers(of taskID: String) -> [String] {
        items(following: taskID).filter { id in
            switch rows[id]?.state {
            case .submitted, .running, .succeeded: true
            default: false
            }
        }
    }

    /// Marks the item's download as started; false when it already was.
    func startDownload(_ id: String) -> Bool {
        guard let row = rows[id], !row.downloading else { return false }
        rows[id]?.downloading = true
        return true
    }

    /// Keeps `error` with the item without changing its state.
    func note(_ id: String, error: String) {
        rows[id]?.error = error
        emit()
    }

    func saved(_ id: String, at output: String) {
        rows[id]?.saved = output
        rows[id]?.error = nil
        set(id, .downloaded)
    }

    func output(of id: String) -> String? { rows[id]?.output }

    // MARK: Preparation timing

    func preparationStarted() { meter.start(at: time.now()) }

    /// `frames`: how many it made ready; nil when it failed.
    func preparationEnded(frames: Int?) { meter.end(at: time.now(), frames: frames) }

    // MARK: In-flight slots

    /// Items from earlier runs whose tasks should hold a slot.
    func itemsWantingSlots() -> [String] { order.filter { rows[$0]?.slot == .wanted } }

    /// Gives a wanted slot to `id`; false when its task ended meanwhile (free the slot again).
    func takeWantedSlot(_ id: String) -> Bool {
        guard rows[id]?.slot == .wanted else { return false }
        rows[id]?.slot = .held
        return true
    }

    /// Marks the item's slot free; true when it held one (the caller releases it at the gate).
    func dropSlot(_ id: String) -> Bool {
        let held = rows[id]?.slot == .held
        rows[id]?.slot = .none
        return held
    }

    // MARK: Spend

    /// Counts the item's estimate if it keeps the spend within the cap; otherwise the reason.
    func admit(_ id: String) -> String? {
        guard let row = rows[id], !row.counted else { return nil }
        if let cap {
            // An unknown price never gets here with a cap: the run refuses to start.
            let next = row.estimate ?? 0
            // A thousandth of a cent of tolerance keeps 0.1 + 0.2 from failing a cap of 0.3.
            if spent + next > cap + 0.000_01 {
                return "the next item (\(row.id), line \(row.line), ≈ USD \(Self.dollars(next))) would take the estimated spend "
                    + "from USD \(Self.dollars(spent)) past the cap of USD \(Self.dollars(cap)); stopped before sending it"
            }
        }
        spent += row.estimate ?? 0
        rows[id]?.counted = true
        emit()
        return nil
    }

    /// The item was not paid for after all (refused, not sent, a duplicate).
    func unadmit(_ id: String) {
        guard let row = rows[id], row.counted else { return }
        spent -= row.estimate ?? 0
        rows[id]?.counted = false
        emit()
    }

    static func dollars(_ usd: Double) -> String {
        let cents = Int((usd * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    // MARK: Stopping

    /// Records why the run stops early. A store failure overrides any other reason and wakes
    /// ``waitForAbort()``.
    func stop(_ reason: BatchRunSummary.Stop) {
        if case .ledgerFailed = reason {
            stopReason = reason
            for waiter in abortWaiters { waiter.resume() }
            abortWaiters.removeAll()
        } else if stopReason == nil {
            stopReason = reason
        }
    }

    var isStopping: Bool { stopReason != nil }

    var isCapped: Bool {
        if case .spendingCap = stopReason { true } else { false }
    }

    /// Returns when the store failed; never otherwise (the caller cancels it).
    func waitForAbort() async {
        if case .ledgerFailed = stopReason { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { abortWaiters.append($0) }
        } onCancel: {
            Task { await self.cancelAbortWaiters() }
        }
    }

    private func cancelAbortWaiters() {
        for waiter in abortWaiters { waiter.resume() }
        abortWaiters.removeAll()
    }

    // MARK: Reading out

    func snapshot() -> BatchRunProgress {
        var counts: [BatchRunItemState: Int] = [:]
        for row in rows.values { counts[row.state, default: 0] += 1 }
        let remaining = rows.values.count { !$0.state.isFinal }
        let eta = BatchRunProgress.eta(elapsed: time.now() - started, endedThisRun: endedThisRun, remaining: remaining)
        return BatchRunProgress(counts: counts, spentUSD: spent, eta: eta)
    }

    private func emit() {
        progress.yield(snapshot())
    }

    func summary() -> BatchRunSummary {
        let items = order.compactMap { id in
            rows[id].map {
                BatchItemResult(
                    id: $0.id, line: $0.line, state: $0.state, taskID: $0.taskID, output: $0.saved,
                    estimatedCostUSD: $0.estimate, error: $0.error, duplicateOfTaskID: $0.duplicateOfTaskID)
            }
        }
        return BatchRunSummary(items: items, spentUSD: spent, stop: stopReason, preparation: meter.preparation)
    }
}
