public import Foundation

/// The local record of every submission: what was asked, which task it became, how it ended.
///
/// One JSON object per line in `journal.jsonl`, appended and synced under a file lock, so two
/// processes can write at once and a crash never loses a task id that reached us. It never holds
/// the API key or image bytes: inputs are kept as paths and digests.
public struct Journal: Sendable {
    public let directory: URL
    private let file: AppendOnlyFile

    public init(directory: URL) {
        self.directory = directory
        file = AppendOnlyFile(path: directory.appendingPathComponent("journal.jsonl").path)
    }

    /// The file the events go to.
    public var fileURL: URL { URL(fileURLWithPath: file.path) }

    /// `$XDG_STATE_HOME/seedance`, else `~/.local/state/seedance`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("seedance")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/seedance")
    }

    /// Appends one event and syncs it to disk before returning.
    public func record(_ event: JournalEvent) throws(JournalError) {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(operation: "create directory", path: directory.path, message: "\(error.localizedDescription)")
        }
        var line: [UInt8]
        do {
            line = Array(try Self.encoder.encode(event))
        } catch {
            throw JournalError(operation: "encode", path: file.path, message: "\(error)")
        }
        line.append(UInt8(ascii: "\n"))
        try file.append(line)
    }

    /// Every submission, oldest first. Lines that do not decode (e.g. from a newer version) are skipped.
    public func entries() throws(JournalError) -> [JournalEntry] {
        guard let data = try file.readAll() else { return [] }
        let events = data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? Self.decoder.decode(JournalEvent.self, from: Data(line))
        }
        return JournalEntry.fold(events)
    }

    /// The most recent entry holding `taskID`, if this machine submitted it.
    public func entry(forTask taskID: String) throws(JournalError) -> JournalEntry? {
        try entries().last { $0.taskID == taskID }
    }

    /// Records how a task ended, under its submission's intent when the journal knows it.
    public func recordFinish(taskID: String, status: TaskStatus, reason: String?, outputPath: String?) throws(JournalError) {
        let intentID = try entry(forTask: taskID)?.intentID ?? "task-\(taskID)"
        try record(JournalEvent(
            intentID: intentID, kind: .finished, taskID: taskID, status: status.rawValue,
            reason: reason.flatMap { $0.isEmpty ? nil : $0 }, outputPath: outputPath))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
