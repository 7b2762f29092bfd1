public import Foundation
public import FrameKit
public import SeedanceAPI
import Synchronization

/// Keeps, for a report written after a run, what the run's own preparation made: each item's
/// thumbnails are drawn and saved as its frames are prepared (the frames' bytes are not kept), so
/// the report shows the frames that were sent and never prepares them again.
///
/// Give it to ``SeedanceBatch/reportRecorder`` before the run, then to
/// ``BatchReportWriter/write(_:manifest:summary:recorded:title:to:)`` after it; lines the run did
/// not prepare (followed from an earlier run, not reached) are prepared for the report as before.
public final class BatchReportRecorder: Sendable {
    /// What the run's preparation of one line came to.
    public struct Line: Sendable {
        public var frames: [BatchReport.Frame]
        /// Why preparing failed, or why its thumbnails could not be saved.
        public var problem: String?
    }

    let store: ThumbnailStore
    private let lines = Mutex<[Int: Line]>([:])

    /// - Parameters:
    ///   - directory: the report's folder; its `thumbs` folder is created now, before anything is sent.
    ///   - policy: the batch's frame rules (their pixel limit guards drawing too).
    ///   - thumbnailer: nil draws them with ``PreviewThumbnailer``, as the report does.
    /// - Throws: ``SeedanceError`` `.localIO` when the folder cannot be created.
    public init(reportDirectory directory: URL, policy: Policy, thumbnailer: (any ReportThumbnailer)? = nil) throws(SeedanceError) {
        let thumbs = BatchReportWriter.thumbnails(in: directory.standardizedFileURL)
        do {
            try FileManager.default.createDirectory(at: thumbs, withIntermediateDirectories: true)
        } catch {
            throw SeedanceError(.localIO, "cannot create the report folder \(thumbs.path): \(error.localizedDescription)")
        }
        store = ThumbnailStore(
            folder: thumbs, side: BatchReportBuilder.thumbnailSide, thumbnailer: thumbnailer ?? PreviewThumbnailer(policy: policy))
    }

    /// What the run recorded, by line number.
    public var recorded: [Int: Line] { lines.withLock { $0 } }

    /// The frames an item was prepared into, drawn now. A thumbnail that cannot be drawn is shown
    /// as such on the page; one that cannot be saved is the line's problem. Never throws: the
    /// item goes on to be sent either way.
    func record(_ item: BatchPlanItem, frames: [RequestFrame]) {
        let sources = [item.first] + (item.last.map { [$0] } ?? [])
        var line = Line(frames: [], problem: nil)
        do throws(SeedanceError) {
            for (frame, source) in zip(frames, sources) {
                line.frames.append(try store.frame(frame, source: source, line: item.line))
            }
        } catch {
            line.frames = sources.enumerated().map { BatchReport.Frame(role: $0.offset == 0 ? .first : .last, source: $0.element.recordedName) }
            line.problem = "the thumbnails could not be saved: \(error)"
        }
        lines.withLock { $0[item.line] = line }
    }

    /// An item whose preparation failed: its originals, and why.
    func recordFailure(_ item: BatchPlanItem, _ failure: any Error) {
        let sources = [(FrameRole.first, item.first)] + (item.last.map { [(FrameRole.last, $0)] } ?? [])
        var line = Line(frames: [], problem: "preparing the frames failed: \(failure)")
        for (role, source) in sources {
            do throws(SeedanceError) {
                var frame = try store.originalOnly(source, role: role, line: item.line)
                frame.note = "not prepared: see the problems"
                line.frames.append(frame)
            } catch {
                line.frames.append(BatchReport.Frame(role: role, source: source.recordedName, note: "its thumbnail could not be saved: \(error)"))
            }
        }
        lines.withLock { $0[item.line] = line }
    }
}
