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

    public init(submitter: VideoSubmitter) {
        self.submitter = submitter
    }

    public func prepare(_ item: BatchItem<BatchPlanItem>) async throws -> PreparedBatchRequest {
        let plan = item.payload
        let shared = submitter
        let submitter = try VideoSubmitter(
            model: plan.model, policy: plan.model == shared.model ? shared.policy : ModelCatalog.policy(for: plan.model),
            fixOptions: shared.fixOptions, fixesFrames: shared.fixesFrames, uploadSize: shared.uploadSize, fetcher: shared.fetcher,
            isolation: shared.isolation)
        // libvips work is synchronous: on a task of its own, not the runner's. A detached task
        // does not inherit cancellation: it is passed on, so a contained frame's worker is killed.
        let preparation = Task.detached(priority: .utility) {
            try await submitter.prepareFrames(first: plan.first, last: plan.last, parameters: plan.parameters)
        }
        let frames = try await withTaskCancellationHandler {
            try await preparation.value
        } onCancel: {
            preparation.cancel()
        }
        try Task.checkCancellation()
        return PreparedBatchRequest(
            request: submitter.request(parameters: plan.parameters, frames: frames), frames: frames, estimatedCostUSD: item.estimatedCostUSD)
    }

    public func frameCount(of prepared: PreparedBatchRequest) -> Int { prepared.frames.count }
}
