public import Foundation
internal import GRDB
public import SeedanceCore

/// The embedded ``TaskStore``: one SQLite file, `state.sqlite`, in WAL mode.
///
/// - Several processes share it: GRDB's `DatabasePool` (one writer, concurrent readers),
///   IMMEDIATE write transactions and a busy timeout, so a second writer waits instead of failing.
/// - `synchronous = FULL`: each commit is on disk before the call returns. An intent must
///   survive a power cut, because the POST it guards follows right after; writes are a handful
///   per task, so the extra fsync costs nothing that matters.
/// - On first open, a `journal.jsonl` left by an earlier version in the same folder is imported
///   once (recorded in `legacy_imports`) and left untouched, so a downgrade still finds it.
public final class SQLiteTaskStore: TaskStore {
    public static let fileName = "state.sqlite"
    /// How long a second process waits for the write lock before the store reports an error.
    static let busyTimeout: TimeInterval = 10

    public let fileURL: URL
    let pool: DatabasePool

    /// Opens (creating if needed) the store in `directory`, migrates it and imports a legacy journal.
    public init(directory: URL) throws(StateStoreError) {
        let file = directory.appendingPathComponent(Self.fileName)
        let location = file.path
        fileURL = file
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.busyTimeout)
            configuration.label = "seedance.state"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            // Two processes opening a new store at once would both find no migration applied
            // and both create the tables: opening and migrating take turns under a file lock.
            let lock = try OpenLock(path: directory.appendingPathComponent(Self.fileName + ".open-lock").path)
            defer { lock.release() }
            pool = try DatabasePool(path: location, configuration: configuration)
            try Self.migrator.migrate(pool)
            try LegacyJournalImport.importOnce(
                from: directory.appendingPathComponent(LegacyJournalImport.fileName), into: self)
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError(operation: "open", location: location, message: Self.describe(error))
        }
    }

    /// Opens the store in the default folder (`$XDG_STATE_HOME/seedance`, else `~/.local/state/seedance`).
    public static func openDefault(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StateStoreError) -> SQLiteTaskStore {
        try SQLiteTaskStore(directory: defaultDirectory(environment: environment))
    }

    /// `$XDG_STATE_HOME/seedance`, else `~/.local/state/seedance`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("seedance")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/seedance")
    }

    public var location: String { fileURL.path }

    /// The journal mode SQLite reports (`wal` once opened).
    public func journalMode() async throws(StateStoreError) -> String {
        try await read("read journal mode") { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: Access

    /// Runs `body` in one IMMEDIATE write transaction; any failure becomes a ``StateStoreError``.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StateStoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw StateStoreError(operation: operation, location: location, message: Self.describe(error))
        }
    }

    /// Runs `body` on a snapshot; any failure becomes a ``StateStoreError``.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StateStoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StateStoreError(operation: operation, location: location, message: Self.describe(error))
        }
    }

    /// The synchronous form of ``write(_:_:)``, for opening (no caller is async there).
    func writeNow<T>(_ operation: String, _ body: (Database) throws -> T) throws(StateStoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StateStoreError(operation: operation, location: location, message: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.resultCode): \(error.message ?? "no message")"
        }
        if let error = error as? OpenLock.Failure { return error.description }
        return error.localizedDescription
    }
}
