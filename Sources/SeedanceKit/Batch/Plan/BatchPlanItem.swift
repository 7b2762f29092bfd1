public import FrameKit
public import SeedanceAPI

/// One checked manifest line: what will be prepared, what will be asked for, where the video
/// goes and what it is estimated to cost. Nothing here has been sent.
public struct BatchPlanItem: Sendable {
    public var id: String
    /// The manifest line (1-based).
    public var line: Int
    public var first: FrameSource
    public var last: FrameSource?
    /// The line's model (its own `model`, else the command line's).
    public var model: VideoModel
    /// The request's fields (the line over the command line's defaults), checked by the model.
    public var parameters: GenerationParameters
    /// The planner's check of ``parameters``, carried to the request so it is not made again
    /// (a request whose parameters were changed since is checked afresh).
    public var validated: ValidatedParameters?
    /// Where the video is saved: an absolute path.
    public var output: String
    public var estimate: CostEstimate
    /// What `check` says about each local frame, read from its header (URLs are checked when
    /// they are fetched, just before sending). Preparing the frame starts from this reading.
    public var verdicts: [FramePreflight.FrameVerdict]
    /// The frame rules the plan judged this line's frames by (the planner's, overrides
    /// included): the preparer fixes by the same rules. Nil: the model's own.
    public var policy: Policy?

    public init(
        id: String, line: Int, first: FrameSource, last: FrameSource?, model: VideoModel, parameters: GenerationParameters,
        output: String, estimate: CostEstimate, verdicts: [FramePreflight.FrameVerdict]
    ) {
        self.id = id
        self.line = line
        self.first = first
        self.last = last
        self.model = model
        self.parameters = parameters
        self.output = output
        self.estimate = estimate
        self.verdicts = verdicts
    }

    /// An item whose parameters the planner checked once.
    public init(
        id: String, line: Int, first: FrameSource, last: FrameSource?, validated: ValidatedParameters,
        output: String, estimate: CostEstimate, verdicts: [FramePreflight.FrameVerdict]
    ) {
        self.init(
            id: id, line: line, first: first, last: last, model: validated.model, parameters: validated.parameters, output: output,
            estimate: estimate, verdicts: verdicts)
        self.validated = validated
    }
}

/// Every line of a manifest, checked: the items that may be sent and every problem found.
public struct BatchPlan: Sendable {
    public var items: [BatchPlanItem]
    /// Problems by line, key and value; any of them means nothing is sent without `--skip-invalid`.
    public var errors: [ManifestError]

    public init(items: [BatchPlanItem], errors: [ManifestError]) {
        self.items = items
        self.errors = errors
    }

    /// The estimate for every item; unknown when any item's is.
    public var total: CostEstimate { items.map(\.estimate).total() }

    /// Lines left out because of errors, each once, in order.
    public var invalidLines: [Int] { Array(Set(errors.compactMap(\.line))).sorted() }

    /// True when every problem is an unusable frame (exit 2 rather than 64).
    public var onlyFramesUnusable: Bool {
        !errors.isEmpty && errors.allSatisfy { $0.kind == .unusableFrame }
    }
}
