import Foundation
import SeedanceAPI
import SeedanceStore

/// How commands reach the state store: one place for where it lives and what a failure means.
enum StateStoreAccess {
    /// The store in `$XDG_STATE_HOME/seedance` (else `~/.local/state/seedance`).
    /// - Throws: the exit code 74 (local I/O), after saying why on stderr.
    static func open() throws -> SQLiteTaskStore {
        do {
            return try SQLiteTaskStore.openDefault()
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    /// The store, for a lookup whose failure is only a warning (the caller goes on without it).
    static func openQuietly() -> (any TaskStore)? {
        do {
            return try SQLiteTaskStore.openDefault()
        } catch {
            Terminal.diagnostic("seedance: warning: the state store could not be opened: \(error)")
            return nil
        }
    }

    /// Records a task read when this machine knows the task, and its actual cost when the
    /// provider reported its usage and the model's price is known. A failure is a warning: it
    /// must not hide the task's outcome from the user.
    static func recordResult(_ result: TaskSnapshot, outputPath: String? = nil) async {
        do {
            let store = try SQLiteTaskStore.openDefault()
            let updated = try await store.recordResult(
                taskID: result.taskID, status: result.status, reason: result.reason, outputPath: outputPath, at: Date())
            if let updated, result.status == .succeeded, let tokens = result.usage?.completionTokens,
                let usd = ActualCost.usd(completionTokens: tokens, prices: price(of: updated), sent: updated.echo)
            {
                try await store.recordCost(taskID: result.taskID, usd: usd, at: Date())
            }
        } catch {
            Terminal.diagnostic("seedance: warning: \(error)")
        }
    }

    /// The price table of the built-in row the record was sent with (its family, on its
    /// provider's API); nil for a model from a file, whose table this process may not have.
    private static func price(of record: TaskRecord) -> PriceTable? {
        guard let api = ProviderRegistry.registration(for: ProviderID(rawValue: record.provider))?.api else { return nil }
        return VideoModel.builtIn(named: record.model, api: api)?.price
    }
}
