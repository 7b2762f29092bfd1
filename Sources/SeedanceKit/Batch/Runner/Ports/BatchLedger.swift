public import SeedanceAPI

/// The batch's persistent record, as the runner needs it: one view per process (the adapter
/// knows its claim owner). Every method is one committed transaction; a thrown error stops the
/// batch (nothing more is sent), so the adapter must throw rather than guess.
///
/// The intent row before each POST is not written here: the ``BatchCreator`` writes it inside
/// its create call. What the runner writes here is what it learned afterwards; an adapter whose
/// creator already recorded the same fact may make that method a no-op.
public protocol BatchLedger: Sendable {
    /// Registers the batch's items (keeping those a previous run registered) and returns what is
    /// persisted for each of them. Items missing from the answer are taken as never started.
    func open(_ items: [BatchLedgerItem]) async throws -> [BatchLedgerEntry]

    /// Takes the item for this process, atomically. False when another live process holds it,
    /// or when it was sent meanwhile. `resending` is true only for an item whose earlier attempt
    /// provably created nothing payable or failed, being sent again under `retryFailed`.
    func claim(_ itemID: String, resending: Bool) async throws -> Bool

    /// Gives a claimed item back, unsent (the run stopped before its create call).
    func release(_ itemID: String) async throws

    /// The item ended without being sent (unusable input, still rate-limited after every try).
    func recordNotSent(_ itemID: String, reason: String) async throws

    /// The create call returned this task id.
    func recordCreated(_ itemID: String, taskID: String) async throws

    /// The provider refused the create call: no task exists.
    func recordRefused(_ itemID: String, reason: String) async throws

    /// The create call may have made a paid task; nobody knows its id. Never sent again.
    func recordOutcomeUnknown(_ itemID: String, message: String) async throws

    /// An identical request was paid before; the item follows that request instead.
    func recordDuplicate(_ itemID: String, of earlier: BatchEarlierRequest) async throws

    /// Task-result said the item's task finished (succeeded or failed).
    func recordTaskFinished(_ itemID: String, result: TaskResult) async throws

    /// The item's video is saved at `output`.
    func recordDownloaded(_ itemID: String, output: String) async throws
}

/// What the ledger is told about an item when the batch opens.
public struct BatchLedgerItem: Sendable, Hashable {
    public var id: String
    public var line: Int
    public var output: String
    public var estimatedCostUSD: Double?

    public init(id: String, line: Int, output: String, estimatedCostUSD: Double?) {
        self.id = id
        self.line = line
        self.output = output
        self.estimatedCostUSD = estimatedCostUSD
    }
}

/// What the ledger holds for one item from earlier runs.
public struct BatchLedgerEntry: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        /// Nothing was POSTed for it (pending, or a claim that lapsed).
        case notSent
        /// It ended without being sent (an unusable input).
        case notSentFailed(reason: String)
        /// An intent is committed and no answer is: the POST may have created a paid task.
        case intentOnly
        /// The create call's outcome is unknown (a task id may still have been recovered).
        case outcomeUnknown(message: String)
        /// The provider refused the create call: nothing exists, nothing was paid.
        case refused(reason: String)
        /// A task exists and has not finished (as far as the ledger knows).
        case created
        /// The task succeeded; its video is not saved.
        case succeeded
        /// The task failed at the provider.
        case taskFailed(reason: String)
        /// The video is saved at `output`.
        case downloaded(output: String)
    }

    public var itemID: String
    public var stage: Stage
    /// The provider's task id, when one is known (for a duplicate: the earlier task's).
    public var taskID: String?
    /// Set when the item follows an earlier identical request instead of its own.
    public var duplicateOfTaskID: String?

    public init(itemID: String, stage: Stage, taskID: String? = nil, duplicateOfTaskID: String? = nil) {
        self.itemID = itemID
        self.stage = stage
        self.taskID = taskID
        self.duplicateOfTaskID = duplicateOfTaskID
    }
}

/// The earlier request an item duplicates (the store's duplicate rule).
public struct BatchEarlierRequest: Sendable, Hashable {
    /// The store's id for the earlier submission.
    public var intentID: String?
    /// The earlier request's task id; nil when its outcome is unknown.
    public var taskID: String?

    public init(intentID: String?, taskID: String?) {
        self.intentID = intentID
        self.taskID = taskID
    }
}
