public import FrameKit
public import SeedanceAPI

/// What a batch report shows: one row per manifest line (invalid ones too, with their
/// problems), each frame's original and the frame as it would be sent, the plan, the request,
/// the estimate, and after a run each line's outcome. A value: ``html()`` renders it, and
/// ``BatchReportWriter`` builds it with its thumbnails and writes it to a folder.
public struct BatchReport: Sendable {
    /// A thumbnail in the report's folder.
    public struct Image: Sendable, Hashable {
        /// Relative to the report's folder, with `/` separators (e.g. `thumbs/line-3-first-sent.jpg`).
        public var path: String
        public var width: Int
        public var height: Int

        public init(path: String, width: Int, height: Int) {
            self.path = path
            self.width = width
            self.height = height
        }
    }

    /// One frame of a line: what the manifest named and what would be sent.
    public struct Frame: Sendable, Hashable {
        public var role: FrameRole
        /// The frame as the manifest names it (a path, a URL, a shortened data URI).
        public var source: String
        /// The original scaled down, the kept region outlined when it is cropped.
        public var original: Image?
        /// The original's format, size and bytes, when known.
        public var originalFacts: String?
        /// The frame as it would be sent, scaled down (a pad's added area shaded).
        public var sent: Image?
        /// The sent frame's format, size and bytes, when it was prepared.
        public var sentFacts: String?
        /// What preparing does, in order; "sent as is" for a compliant frame.
        public var steps: [String]
        /// Why a prepared frame is missing, or how a URL is handled.
        public var note: String?
        /// Thumbnails that could not be drawn, and why: the page shows the reason in their place.
        public var thumbnailFailures: [ThumbnailFailure]

        public init(
            role: FrameRole, source: String, original: Image? = nil, originalFacts: String? = nil, sent: Image? = nil,
            sentFacts: String? = nil, steps: [String] = [], note: String? = nil, thumbnailFailures: [ThumbnailFailure] = []
        ) {
            self.role = role
            self.source = source
            self.original = original
            self.originalFacts = originalFacts
            self.sent = sent
            self.sentFacts = sentFacts
            self.steps = steps
            self.note = note
            self.thumbnailFailures = thumbnailFailures
        }

        /// Why this picture's thumbnail is missing, when drawing it failed.
        public func failure(of picture: ThumbnailFailure.Picture) -> ThumbnailFailure? {
            thumbnailFailures.first { $0.picture == picture }
        }
    }

    /// A thumbnail the report could not draw (an unreadable original, a failed encode), and why.
    public struct ThumbnailFailure: Sendable, Hashable {
        public enum Picture: String, Sendable, Hashable {
            case original, sent
        }

        public var picture: Picture
        /// The thumbnailer's error, as its description says it.
        public var reason: String

        public init(picture: Picture, reason: String) {
            self.picture = picture
            self.reason = reason
        }
    }

    /// A request field and its value, as text.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// How a line ended a run.
    public struct Outcome: Sendable, Hashable {
        public var state: BatchRunItemState
        public var taskID: String?
        /// The estimated price of the line (USD), nil when unknown.
        public var costUSD: Double?
        /// Set when an identical request was paid before and this line follows that task.
        public var duplicateOfTaskID: String?
        /// The saved video, relative to the report's folder; nil until it is saved.
        public var video: String?
        public var error: String?

        /// What the line cost, as far as is known: its estimate once a task exists; nothing
        /// when nothing was sent or it follows an earlier paid task.
        public var cost: String {
            if duplicateOfTaskID != nil { return "none (an earlier task was paid)" }
            if taskID != nil { return CostEstimate(usd: costUSD).description }
            return state == .outcomeUnknown ? "unknown (may be charged)" : "none (not sent)"
        }
    }

    public struct Row: Sendable {
        /// The manifest line (1-based).
        public var line: Int
        /// The line's id; nil when the line could not be read far enough to have one.
        public var id: String?
        public var frames: [Frame]
        /// The model first, then the fields sent, by name; empty for a line that failed its checks.
        public var request: [Field]
        /// nil for an invalid line.
        public var estimate: CostEstimate?
        /// Where the video is saved (absolute path).
        public var output: String?
        /// Every problem on the line; empty when it may be sent.
        public var problems: [String]
        /// Set after a run.
        public var outcome: Outcome?

        public var isValid: Bool { problems.isEmpty }
    }

    /// How a run ended, for the report's heading.
    public struct RunTotals: Sendable, Hashable {
        /// ``BatchOutcome``'s name, e.g. `succeeded` or `some_failed`.
        public var outcome: String
        public var spentUSD: Double
        public var stop: String?
    }

    /// In manifest order.
    public var rows: [Row]
    /// The estimate for every valid line (unknown when any is).
    public var total: CostEstimate
    /// Problems that belong to no line (an unreadable header, say).
    public var problems: [String]
    /// Set after a run.
    public var run: RunTotals?
    /// The manifest's name, for the title.
    public var title: String
}
