public import Foundation
import FrameKit
import SeedanceAPI

/// Makes each line's frames for a report: prepares them exactly as `batch` sends them (the
/// batch's ``SubmitterPreparer``), on worker tasks, and writes the original's and the sent
/// frame's thumbnails into a folder. URLs are not fetched: they are fetched and checked just
/// before sending, and a report sends and fetches nothing.
public struct BatchReportBuilder: Sendable {
    /// What each line's frames and thumbnails came to.
    public struct Frames: Sendable {
        public var frames: [Int: [BatchReport.Frame]]
        /// Why preparing a line failed, by line number.
        public var problems: [Int: String]
    }

    /// Thumbnails fit a box this many pixels square.
    public static let thumbnailSide = 240

    public var preparer: SubmitterPreparer
    public var thumbnailer: any ReportThumbnailer
    /// Lines prepared at once.
    public var workers: Int

    /// - Parameters:
    ///   - submitter: the batch's settings (fix options, no-fix rule, upload size): the same as the run's.
    ///   - thumbnailer: nil draws them with ``PreviewThumbnailer`` under the submitter's frame rules.
    ///   - workers: lines prepared at once; nil takes the machine's cores.
    public init(submitter: VideoSubmitter, thumbnailer: (any ReportThumbnailer)? = nil, workers: Int? = nil) {
        preparer = SubmitterPreparer(submitter: submitter)
        self.thumbnailer = thumbnailer ?? PreviewThumbnailer(policy: submitter.policy)
        self.workers = max(workers ?? ProcessInfo.processInfo.activeProcessorCount, 1)
    }

    /// Prepares every line of `plan` (and shows the originals of `manifest`'s invalid lines),
    /// writing thumbnails into `folder`, whose name (`thumbs`) prefixes the images' paths. A line
    /// in `recorded` (what a run's preparation made) is taken as it is: not prepared again.
    /// - Throws: ``SeedanceError`` of kind `.localIO` when a thumbnail cannot be written.
    public func frames(
        for plan: BatchPlan, manifest: Manifest?, into folder: URL, recorded: [Int: BatchReportRecorder.Line] = [:]
    ) async throws -> Frames {
        let valid = Set(plan.items.map(\.line))
        let jobs =
            plan.items.filter { recorded[$0.line] == nil }.map { Job.item($0) }
            + (manifest?.lines ?? []).filter { !valid.contains($0.lineNumber) }.map { Job.invalid($0) }
        let store = ThumbnailStore(folder: folder, side: Self.thumbnailSide, thumbnailer: thumbnailer)
        var result = Frames(frames: [:], problems: [:])
        for (line, made) in recorded where valid.contains(line) {
            result.frames[line] = made.frames
            if let problem = made.problem { result.problems[line] = problem }
        }
        try await withThrowingTaskGroup(of: (Int, [BatchReport.Frame], String?).self) { group in
            var pending = jobs.makeIterator()
            func startNext() {
                guard let job = pending.next() else { return }
                let preparer = self.preparer
                group.addTask { try await job.run(preparer: preparer, store: store) }
            }
            for _ in 0..<workers { startNext() }
            while let (line, frames, problem) = try await group.next() {
                result.frames[line] = frames
                if let problem { result.problems[line] = problem }
                startNext()
            }
        }
        return result
    }

    private enum Job: Sendable {
        case item(BatchPlanItem)
        case invalid(ManifestLine)

        /// Local bytes that can be read again: not a URL, not standard input.
        static func isRereadable(_ source: FrameSource) -> Bool {
            switch source {
            case .image(.file), .image(.dataURI), .image(.bytes): true
            case .image(.standardInput), .url: false
            }
        }

        func run(preparer: SubmitterPreparer, store: ThumbnailStore) async throws -> (Int, [BatchReport.Frame], String?) {
            switch self {
            case .invalid(let line):
                let sources = [(FrameRole.first, line.first)] + (line.last.map { [(FrameRole.last, $0)] } ?? [])
                var frames: [BatchReport.Frame] = []
                for (role, source) in sources {
                    var frame = try store.originalOnly(FrameSource(argument: source), role: role, line: line.lineNumber)
                    frame.note = "not sent: see the problems"
                    frames.append(frame)
                }
                return (line.lineNumber, frames, nil)
            case .item(let item):
                let sources = [(FrameRole.first, item.first)] + (item.last.map { [(FrameRole.last, $0)] } ?? [])
                // A URL is fetched just before sending, standard input can be read once: neither here.
                if !sources.allSatisfy({ Self.isRereadable($0.1) }) {
                    var frames: [BatchReport.Frame] = []
                    for (role, source) in sources {
                        var frame = try store.originalOnly(source, role: role, line: item.line)
                        frame.note = frame.note ?? "prepared with the other frame, just before sending"
                        frames.append(frame)
                    }
                    return (item.line, frames, nil)
                }
                let prepared: PreparedBatchRequest
                do {
                    prepared = try await preparer.prepare(
                        BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: item.estimate.usd))
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    var frames: [BatchReport.Frame] = []
                    for (role, source) in sources {
                        var frame = try store.originalOnly(source, role: role, line: item.line)
                        frame.note = "not prepared: see the problems"
                        frames.append(frame)
                    }
                    return (item.line, frames, "preparing the frames failed: \(error)")
                }
                var frames: [BatchReport.Frame] = []
                for (frame, (_, source)) in zip(prepared.frames, sources) {
                    frames.append(try store.frame(frame, source: source, line: item.line))
                }
                return (item.line, frames, nil)
            }
        }
    }
}
