public import Foundation
import SeedanceAPI

/// Writes a batch report into a folder: `thumbs/` first, then `index.html` last and atomically,
/// so a report that is being (re)written never looks complete, and an old one stays whole
/// until the new one replaces it.
///
/// ```swift
/// let writer = BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter()))
/// let report = try await writer.write(plan, manifest: lines, to: URL(fileURLWithPath: "report"))
/// print(report.rows.count, "rows; open report/index.html")
/// ```
public struct BatchReportWriter: Sendable {
    public var builder: BatchReportBuilder

    public init(builder: BatchReportBuilder) {
        self.builder = builder
    }

    /// The page's file in `directory`.
    public static func index(in directory: URL) -> URL {
        directory.appendingPathComponent("index.html")
    }

    /// The thumbnails' folder in `directory`.
    public static func thumbnails(in directory: URL) -> URL {
        directory.appendingPathComponent("thumbs", isDirectory: true)
    }

    /// Builds the report of `plan` (and of `summary`, after a run) and writes it into `directory`,
    /// which is created when missing. The lines `recorded` holds (a run's own preparation, into
    /// this same folder) are shown as the run prepared them, not prepared again.
    /// - Returns: the report as written.
    /// - Throws: ``SeedanceError`` of kind `.localIO` when the folder or a file cannot be written.
    @discardableResult
    public func write(
        _ plan: BatchPlan, manifest: Manifest? = nil, summary: BatchRunSummary? = nil, recorded: BatchReportRecorder? = nil,
        title: String = "batch", to directory: URL
    ) async throws -> BatchReport {
        let directory = directory.standardizedFileURL
        let thumbs = Self.thumbnails(in: directory)
        do {
            try FileManager.default.createDirectory(at: thumbs, withIntermediateDirectories: true)
        } catch {
            throw SeedanceError(.localIO, "cannot create the report folder \(thumbs.path): \(error.localizedDescription)")
        }
        let made = try await builder.frames(for: plan, manifest: manifest, into: thumbs, recorded: recorded?.recorded ?? [:])
        let report = BatchReport(
            plan: plan, manifest: manifest, frames: made.frames, preparationProblems: made.problems,
            summary: summary, directory: directory, title: title)
        let writer = try AtomicFileWriter(destination: Self.index(in: directory))
        try writer.write(Data(report.html().utf8))
        try writer.commit()
        return report
    }
}
