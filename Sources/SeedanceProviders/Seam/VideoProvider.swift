public import Foundation
public import SeedanceCore

/// What every provider of Seedance videos does, in terms none of them owns: lay out the body of
/// a create call, send it and say what became of it, and read a task back as a neutral
/// ``TaskSnapshot``. Everything provider-specific (paths, auth header, answer shapes, status
/// names, error codes, which failures prove nothing was created) stays in the provider's folder.
///
/// The ledger (``TaskStore``, driven by the client above this seam) records the intent before
/// ``createTask(_:)`` and its ``CreationOutcome`` after; providers never touch the store.
public protocol VideoProvider: Sendable {
    var id: ProviderID { get }
    var configuration: ProviderConfiguration { get }

    /// The exact body of the create call for `request`, validated against its model.
    func body(for request: GenerationRequest) throws(RequestValidationError) -> RequestBody

    /// Sends the create call, repeating it only after a provable refusal, and says what it proves.
    func createTask(_ body: RequestBody) async -> CreationOutcome

    /// Reads one task, retrying transient failures.
    ///
    /// - Throws: ``SeedanceError``: `.provider` (e.g. task not found), `.malformedResponse`, `.unreachable`.
    func task(id: String) async throws(SeedanceError) -> TaskSnapshot

    /// Lists the account's tasks, where the provider can (to resolve an unknown outcome); nil when it cannot.
    var taskFinder: (any TaskFinding)? { get }
    /// Cancels a queued task, where the provider can; nil when it cannot.
    var taskCanceller: (any TaskCancelling)? { get }
}

/// What a create call proved, for the ledger and for the caller.
public enum CreationOutcome: Sendable {
    /// The provider took the request and named the task.
    case created(taskID: String, attempts: Int)
    /// No task id: `creation` is what the answer proves (``TaskCreation/notSent``,
    /// ``TaskCreation/refused`` or ``TaskCreation/unknown``), set by the provider's classifier,
    /// never from message text; `reason` is the provider's code to keep with the record.
    case failed(creation: TaskCreation, error: SeedanceError, reason: String?)
}

/// A provider that can list an account's tasks.
public protocol TaskFinding: Sendable {
    /// Tasks created at or after `since` (newest first), optionally of one wire model.
    func findTasks(createdSince since: Date, model: String?) async throws(SeedanceError) -> [TaskSnapshot]
}

/// A provider that can cancel a task still in its queue.
public protocol TaskCancelling: Sendable {
    func cancelTask(id: String) async throws(SeedanceError)
}
