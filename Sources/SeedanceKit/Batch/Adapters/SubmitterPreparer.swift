import FrameKit
public import SeedanceAPI

/// A batch item whose frames are fixed and whose request is complete: what the creator sends.
public struct PreparedBatchRequest: Sendable {
    public var request: GenerationRequest
    /// The frames as sent (for the store: source and digest, never bytes).
    public var frames: [RequestFrame]
    public var estimatedCostUSD: Double?
}

/// Prepares a planned item the way `submit` does: a ``VideoSubmitter`` for the line's model fixes
/// (or passes through) each frame, sized for the line's video, and builds the request. Frames are
/// prepared where the shared submitter's ``VideoSubmitter/isolation`` says: contained, a crash of
/// the image library fails this item (`imageLibraryCrashed`) before anything is sent, and the
/// batch goes on.
public struct SubmitterPreparer: BatchPreparer {
    /// The settings every line shares (fix options, no-fix rule, upload size, fetcher); its model
    /// and frame rules are replaced by each line's model's.
    public var submitter: VideoSubmitter
    /// Where a report after the run finds what this preparation made (nil: no report).
    public var recorder: BatchReportRecorder?

    public init(submitter: VideoSubmitter, recorder: BatchReportRecorder? = nil) {
        self.submitter = submitter
        self.recorder = recorder
    }

    public func prepare(_ item: BatchItem<BatchPlanItem>) async throws -> PreparedBatchRequest {
        let plan = item.payload
        let shared = submitter
        let submitter = try VideoSubmitter(
            // The rules the plan judged the line by (the caller's overrides included), never
            // another set: a frame is fixed by the rules it was checked against.
            model: plan.model, policy: plan.policy ?? (plan.model == shared.model ? shared.policy : ModelCatalog.policy(for: plan.model)),
            fixOptions: shared.fixOptions, fixesFrames: shared.fixesFrames, uploadSize: shared.uploadSize, fetcher: shared.fetcher,
            isolation: shared.isolation)
        // libvips work is synchronous: on a task of its own, not the runner's. A detached task
        // does not inherit cancellation: it is passed on, so a contained frame's worker is killed.
        // The report's thumbnails are drawn there too, from the frames just prepared.
        let recorder = self.recorder
        let preparation = Task.detached(priority: .utility) {
            do {
                // Each local frame from the header the plan read (not read again); a URL fetched once, now.
                let first = try await Self.resolve(plan.first, role: .first, plan: plan, submitter: submitter)
                let last: ResolvedFrame? =
                    if let source = plan.last { try await Self.resolve(source, role: .last, plan: plan, submitter: submitter) } else { nil }
                let frames = try await submitter.prepareFrames(first: first, last: last, parameters: plan.parameters)
                recorder?.record(plan, frames: frames)
                return frames
            } catch {
                // A stopping run's item goes back unsent: nothing to report about it yet.
                if !(error is CancellationError) && !Task.isCancelled { recorder?.recordFailure(plan, error) }
                throw error
            }
        }
        let frames = try await withTaskCancellationHandler {
            try await preparation.value
        } onCancel: {
            preparation.cancel()
        }
        try Task.checkCancellation()
        // The plan's check of the parameters goes with the request, so laying out the body does
        // not check them again (a plan item made without one is checked there, once).
        let request =
            if let validated = plan.validated {
                submitter.request(parameters: validated, frames: frames)
            } else {
                submitter.request(parameters: plan.parameters, frames: frames)
            }
        return PreparedBatchRequest(request: request, frames: frames, estimatedCostUSD: item.estimatedCostUSD)
    }

    /// A frame's bytes for preparing: a local input with the header the plan read for its role,
    /// a URL fetched through the submitter's fetcher.
    static func resolve(_ source: FrameSource, role: FrameRole, plan: BatchPlanItem, submitter: VideoSubmitter) async throws -> ResolvedFrame {
        guard case .image(let input) = source, input != .standardInput, let header = plan.verdicts.first(where: { $0.role == role })?.header
        else {
            return try await submitter.resolve(source, role: role)
        }
        return ResolvedFrame(local: input, header: header)
    }

    public func frameCount(of prepared: PreparedBatchRequest) -> Int { prepared.frames.count }
}
