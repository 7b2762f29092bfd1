public import Foundation
public import SeedanceCore
import TestSupport
public import Testing

/// How the contract reaches one ``TaskStore`` implementation: `open(folder)` opens the store
/// that belongs to an empty scratch folder (creating it when new). Opening again on the same
/// folder is a second connection to the same store, as a second process would have; a
/// `journal.jsonl` left in the folder by an older version is imported on open.
///
/// The SQLite store keeps its file in the folder; a server-backed store (PostgreSQL) would
/// name its schema after the folder and read the journal from it.
public struct TaskStoreFactory: Sendable, CustomTestStringConvertible {
    public var name: String
    public var open: @Sendable (URL) throws -> any TaskStore

    public init(name: String, open: @escaping @Sendable (URL) throws -> any TaskStore) {
        self.name = name
        self.open = open
    }

    public var testDescription: String { name }

    /// Runs `body` with a fresh scratch folder, removed afterwards whatever happens.
    func withFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        try await withScratchFolder("contract") { folder in try await body(folder) }
    }

    /// Runs `body` with a fresh store.
    func withStore<T>(_ body: (any TaskStore) async throws -> T) async throws -> T {
        try await withFolder { folder in try await body(try open(folder)) }
    }
}
