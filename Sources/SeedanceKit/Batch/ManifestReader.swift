public import Foundation

/// Reads a batch manifest (JSON Lines or CSV) into ``ManifestLine``s, checking everything that
/// can be checked without a model: the syntax, the keys, `first`, ids and paths.
///
/// Every problem is collected, not just the first, so one run shows them all. Problems with the
/// file as a whole (unreadable, too large, broken CSV quoting, a bad header) are thrown.
public struct ManifestReader: Sendable {
    /// Request fields accepted on a line besides ``ManifestLine/manifestKeys``: the API names of
    /// the fields of the models a manifest may use (the next stage checks each line against its
    /// own model).
    public var requestFields: Set<String>
    public var limits: ManifestLimits

    public init(requestFields: Set<String>, limits: ManifestLimits = .standard) {
        self.requestFields = requestFields
        self.limits = limits
    }

    /// Reads the manifest at `url`; relative paths in it are resolved against its folder.
    /// - Parameter format: nil picks by extension, then by content.
    public func read(contentsOf url: URL, format: ManifestFormat? = nil) throws(ManifestError) -> Manifest {
        let data: Data
        do {
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            guard size <= limits.maxFileBytes else {
                throw ManifestError(
                    .tooLarge, "the manifest has \(size) bytes, over the limit of \(limits.maxFileBytes); split it into several batches")
            }
            data = try Data(contentsOf: url)
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError(.unreadable, value: url.path, "cannot read the manifest \(url.path): \(error.localizedDescription)")
        }
        let chosen = format ?? ManifestFormat(fileExtension: url.pathExtension)
        return try parse(data, format: chosen, folder: url.deletingLastPathComponent())
    }

    /// Reads manifest bytes; relative paths are resolved against `folder`.
    /// - Parameter format: nil sniffs the content.
    public func parse(_ data: Data, format: ManifestFormat?, folder: URL) throws(ManifestError) -> Manifest {
        guard data.count <= limits.maxFileBytes else {
            throw ManifestError(
                .tooLarge, "the manifest has \(data.count) bytes, over the limit of \(limits.maxFileBytes); split it into several batches")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ManifestError(.unreadable, "the manifest is not UTF-8 text")
        }
        let parsed: ParsedRecords
        switch format ?? ManifestFormat.sniff(bytes) {
        case .jsonLines: parsed = try ManifestJSONLines.parse(bytes, limits: limits)
        case .csv: parsed = try ManifestCSV.parse(bytes, limits: limits)
        }
        var manifest = assemble(parsed, folder: folder)
        if manifest.lines.isEmpty, manifest.errors.isEmpty {
            manifest.errors.append(ManifestError(.empty, "the manifest has no lines; add one line per shot with at least \"first\""))
        }
        return manifest
    }

    /// Turns records into lines, adding key, id and path errors, and duplicate ids across lines.
    private func assemble(_ parsed: ParsedRecords, folder: URL) -> Manifest {
        var errors = parsed.errors
        var lines: [ManifestLine] = []
        var firstLineOfID: [String: Int] = [:]
        for record in parsed.records {
            var builder = ManifestLineBuilder(record: record, folder: folder, requestFields: requestFields)
            let line = builder.build()
            if let id = builder.id {
                if let earlier = firstLineOfID[id] {
                    builder.errors.append(
                        ManifestError(
                            .duplicateID, line: record.line, key: "id", value: id,
                            "the id \"\(id)\" is also used on line \(earlier); ids name output files and must be unique"))
                } else {
                    firstLineOfID[id] = record.line
                }
            }
            errors += builder.errors
            if let line, builder.errors.isEmpty { lines.append(line) }
        }
        errors.sort { ($0.line ?? 0, $0.key ?? "") < ($1.line ?? 0, $1.key ?? "") }
        return Manifest(lines: lines, errors: errors)
    }
}
