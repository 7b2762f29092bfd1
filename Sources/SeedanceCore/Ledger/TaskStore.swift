public import Foundation

/// The local record of every paid request and every batch item: the one place that decides
/// whether something may be sent.
///
/// Kept small on purpose, so that another backend (a shared PostgreSQL for several machines
/// under one API key) can implement it later; ``SQLiteTaskStore`` is the embedded default.
/// Every method is one transaction. Errors are ``StateStoreError``: callers must not send
/// anything when an intent could not be recorded.
public protocol TaskStore: Sendable {
    /// Where the store lives, for messages.
    var location: String { get }

    // MARK: Submissions

    /// Commits `record` (in state ``TaskState/intent``, creation ``TaskCreation/unknown``) before its POST, unless an earlier
    /// record may already have paid for the same request.
    ///
    /// When `duplicatesSince` is given, a record with the same fingerprint, model and base URL,
    /// created at or after that date, in a state where it may be paid for
    /// (``TaskState/mayBePaid``), makes this return `.duplicate` and record nothing. When the
    /// record names a batch item, that item is linked to it; an item already linked to another
    /// intent is a duplicate of it, whatever `duplicatesSince` is. Check and insert are one
    /// transaction, so two processes racing with the same request cannot both pass.
    func recordIntent(_ record: TaskRecord, duplicatesSince: Date?) async throws(StateStoreError) -> IntentOutcome

    /// Records the answer to the create call: what it proves about the task (`creation`, which
    /// also sets the state: ``TaskCreation/answeredState``), and `taskID` when one came back.
    func recordAnswer(intentID: String, creation: TaskCreation, taskID: String?, reason: String?, at date: Date) async throws(StateStoreError)

    /// Records what the provider said about `taskID` (a task that exists: creation
    /// ``TaskCreation/created``), and where its video was saved.
    /// Returns the updated record, or nil when the store does not know the task.
    @discardableResult
    func recordResult(taskID: String, status: TaskStatus, reason: String?, outputPath: String?, at date: Date) async throws(StateStoreError)
        -> TaskRecord?

    /// Records what `taskID` actually cost (the provider's `usage` times the price table).
    func recordCost(taskID: String, usd: Double, at date: Date) async throws(StateStoreError)

    /// Records matching `filter`, oldest first.
    func records(matching filter: TaskFilter) async throws(StateStoreError) -> [TaskRecord]

    // MARK: Batches

    /// Creates a batch and its items, or does nothing if a batch with that id exists (a
    /// rerun of the same manifest). Items already present are left as they are.
    func createBatch(_ batch: BatchRecord, items: [BatchItemRecord]) async throws(StateStoreError)

    /// The batch with `id`, if any.
    func batch(id: String) async throws(StateStoreError) -> BatchRecord?

    /// The items of a batch, in manifest order.
    func items(ofBatch batchID: String) async throws(StateStoreError) -> [BatchItemRecord]

    /// Takes `item` for `owner` until `leaseUntil`, in one IMMEDIATE transaction, so two
    /// processes never prepare and send the same item. Claiming again as the same owner renews
    /// the lease. A claim held by another owner is taken over only when that owner is gone (its
    /// process is dead on this host, or its lease expired). Whether the item may be taken at all
    /// is its ``BatchItemStage``'s ``BatchItemStage/mayBeClaimed(retryingFailed:)``: an item
    /// that may have been POSTed without a known failure is never handed out again. A claim
    /// keeps the link to an earlier attempt: only the new attempt's intent replaces it.
    func claim(
        _ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date, retryingFailed: Bool
    ) async throws(StateStoreError) -> ClaimOutcome

    /// Gives back `owner`'s claim on an item it did not send (its run stopped first), so the
    /// next run takes it at once even while `owner`'s process lives on (a library caller running
    /// batches one after another). Does nothing once an intent that may have been paid is
    /// linked (one not taken, refused or failed stays linked, and the item keeps its stage), or
    /// when another owner holds the item; returns whether it gave the item back.
    @discardableResult
    func release(_ item: BatchItemKey, by owner: ClaimOwner) async throws(StateStoreError) -> Bool

    /// Records how an item ended locally (e.g. ``BatchItemState/skipped`` with `error`, or
    /// ``BatchItemState/completed`` with `output`). Only the owner of the claim may do so;
    /// returns false (and changes nothing) otherwise.
    @discardableResult
    func finishItem(_ item: BatchItemKey, by owner: ClaimOwner, state: BatchItemState, error: String?, output: String?, at date: Date)
        async throws(StateStoreError) -> Bool
}

extension TaskStore {
    /// A claim that leaves failed items alone.
    public func claim(_ item: BatchItemKey, by owner: ClaimOwner, leaseUntil: Date, at date: Date) async throws(StateStoreError) -> ClaimOutcome {
        try await claim(item, by: owner, leaseUntil: leaseUntil, at: date, retryingFailed: false)
    }
}

/// What ``TaskStore/recordIntent(_:duplicatesSince:)`` did.
public enum IntentOutcome: Sendable, Hashable {
    /// The intent is committed: the POST may go.
    case recorded
    /// Nothing was recorded: `earlier` may already have paid for this request.
    case duplicate(of: TaskRecord)
}

/// Why a claim did or did not succeed.
public enum ClaimOutcome: Sendable, Hashable {
    /// The item is now held by the caller (newly, renewed, or taken over from a dead owner).
    case claimed
    /// Another live owner holds it.
    case heldByAnother(owner: String)
    /// The item already has an intent: it was (or may have been) sent. Never send it again;
    /// follow its record instead.
    case alreadySent(intentID: String)
    /// The item may not be taken at this stage, and has no intent (skipped or completed, or
    /// failed while failed items are not being retried).
    case finished(BatchItemStage)
    /// No such item.
    case notFound

    public var isClaimed: Bool { self == .claimed }
}
