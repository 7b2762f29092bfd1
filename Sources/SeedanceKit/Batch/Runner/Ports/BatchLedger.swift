public import SeedanceAPI

/// The batch's persistent record, as the runner needs it: one view per process (the adapter
/// knows its claim owner). Every method is one committed transaction; a thrown error stops the
/// batch (nothing more is sent), so the adapter must throw rather than guess.
///
/// What a create call ended with is not written here: the ``BatchCreator`` records the intent
/// before its POST and the typed answer after it (the ledger's ``TaskCreation``), in the same
/// store. What the runner writes here is what only it learns: an item given up locally, a
/// task's end, a saved video.
public protocol BatchLedger: Sendable {
    /// Registers the batch's items (keeping those a previous run registered) and returns what is
    /// persisted for each of them. Items missing from the answer are taken as never started.
    func open(_ items: [BatchLedgerItem]) async throws -> [BatchLedgerEntry]

    /// Takes the item for this process, atomically. False when another live process holds it,
    /// or when its stage forbids sending it (``BatchItemStage/mayBeClaimed(retryingFailed:)``).
    /// `resending` is true only for an item being sent again under `retryFailed`.
    func claim(_ itemID: String, resending: Bool) async throws -> Bool

    /// Gives a claimed item back, unsent (the run stopped before its create call).
    func release(_ itemID: String) async throws

    /// The item ended without being sent (unusable input, still rate-limited after every try).
    func recordNotSent(_ itemID: String, reason: String) async throws

    /// Task-result said the item's task finished (succeeded or failed).
    func recordTaskFinished(_ itemID: String, result: TaskSnapshot) async throws

    /// The item's video is saved at `output`. `ownTaskID`: the item's own task (nil when it
    /// followed an earlier identical request, whose record is not the item's to change).
    func recordDownloaded(_ itemID: String, ownTaskID: String?, output: String) async throws
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
    public var itemID: String
    /// The item's stored lifecycle stage.
    public var stage: BatchItemStage
    /// The provider's task id, when one is known.
    public var taskID: String?

    public init(itemID: String, stage: BatchItemStage, taskID: String? = nil) {
        self.itemID = itemID
        self.stage = stage
        self.taskID = taskID
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
