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

    /// Records a task read when this machine knows the task. A failure is a warning:
    /// it must not hide the task's outcome from the user.
    static func recordResult(_ result: TaskSnapshot, outputPath: String? = nil) async {
        do {
            try await SQLiteTaskStore.openDefault().recordResult(
                taskID: result.taskID, status: result.status, reason: result.reason, outputPath: outputPath, at: Date())
        } catch {
            Terminal.diagnostic("seedance: warning: \(error)")
        }
    }
}
