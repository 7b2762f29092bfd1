public import SeedanceAPI

/// A batch item whose frames are fixed and whose request is complete: what the creator sends.
public struct PreparedBatchRequest: Sendable {
    public var request: GenerationRequest
    /// The frames as sent (for the store: source and digest, never bytes).
    public var frames: [RequestFrame]
    public var estimatedCostUSD: Double?
}

/// Prepares a planned item the way `submit` does: ``VideoSubmitter`` fixes (or passes through)
/// each frame with the line's own fix options, and builds the request from the line's fields.
public struct SubmitterPreparer: BatchPreparer {
    /// The submitter whose policy, fetcher and no-fix rule apply; its fix options are replaced
    /// by each line's.
    public var submitter: VideoSubmitter

    public init(submitter: VideoSubmitter) {
        self.submitter = submitter
    }

    public func prepare(_ item: BatchItem<BatchPlanItem>) async throws -> PreparedBatchRequest {
        var configured = submitter
        configured.fixOptions = item.payload.fixOptions
        let submitter = configured
        let plan = item.payload
        // libvips work is synchronous: off the cooperative pool's caller, on a worker task.
        let frames = try await Task.detached(priority: .utility) {
            try await submitter.prepareFrames(first: plan.first, last: plan.last)
        }.value
        try Task.checkCancellation()
        return PreparedBatchRequest(
            request: submitter.request(from: plan.request, frames: frames), frames: frames, estimatedCostUSD: item.estimatedCostUSD)
    }
}
