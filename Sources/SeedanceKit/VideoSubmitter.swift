import Foundation
public import FrameKit
public import SeedanceAPI

/// The one call other tools make: prepare both frames for the model's video (fixing them unless
/// told not to, and scaling them to what the video can show), build the request from the model,
/// the parameters and the frames, and submit it once with an intent in the state store.
public struct VideoSubmitter: Sendable {
    /// How large an uploaded frame may be.
    public enum UploadSize: String, Sendable, Hashable, CaseIterable {
        /// At most ``VideoSubmitter/videoPixelAllowance`` times the output video's pixels.
        case video
        /// The fixed frame's own size.
        case full
    }

    /// Frames keep up to twice the video's pixels: headroom for the model's own resampling.
    public static let videoPixelAllowance = 2.0

    public var model: VideoModel
    public var policy: Policy
    public var fixOptions: FixOptions
    /// When false, a non-compliant frame is an error instead of being fixed.
    public var fixesFrames: Bool
    public var uploadSize: UploadSize
    public var fetcher: RemoteImageFetcher
    /// Where the frames' image work runs: in this process, or contained in worker processes.
    public var isolation: FramePreparationIsolation

    /// - Parameters:
    ///   - policy: the frame rules (``ModelCatalog/policy(for:)`` gives the model's own).
    ///   - fixOptions: how to fix; its `video` is set from the model and the parameters.
    ///   - isolation: `.inProcess` unless a crash of the image library must not end the caller.
    public init(
        model: VideoModel = .defaultModel, policy: Policy, fixOptions: FixOptions = FixOptions(),
        fixesFrames: Bool = true, uploadSize: UploadSize = .video, fetcher: RemoteImageFetcher = RemoteImageFetcher(),
        isolation: FramePreparationIsolation = .inProcess
    ) {
        self.model = model
        self.policy = policy
        self.fixOptions = fixOptions
        self.fixesFrames = fixesFrames
        self.uploadSize = uploadSize
        self.fetcher = fetcher
        self.isolation = isolation
    }

    /// With the model's own frame rules.
    ///
    /// - Throws: ``ModelFileError`` when FrameKit does not understand the model's image rules
    ///   (a model built in code; ``ModelCatalog/resolve(_:)`` refuses such a model on load).
    public init(
        model: VideoModel = .defaultModel, fixOptions: FixOptions = FixOptions(), fixesFrames: Bool = true,
        uploadSize: UploadSize = .video, fetcher: RemoteImageFetcher = RemoteImageFetcher(),
        isolation: FramePreparationIsolation = .inProcess
    ) throws(ModelFileError) {
        self.init(
            model: model, policy: try ModelCatalog.policy(for: model), fixOptions: fixOptions, fixesFrames: fixesFrames,
            uploadSize: uploadSize, fetcher: fetcher, isolation: isolation)
    }

    /// Checks `parameters` against this submitter's model, once, for a request with these
    /// frames: the value ``submit(first:last:parameters:client:store:allowDuplicate:batchItem:estimatedCostUSD:)``
    /// and ``request(parameters:frames:)`` take, so nothing after it checks them again.
    /// - Throws: ``SeedanceError`` `.invalidRequest` naming the field (nothing is read or sent).
    public func validate(_ parameters: GenerationParameters, hasLastFrame: Bool) throws(SeedanceError) -> ValidatedParameters {
        do {
            return try ValidatedParameters(model: model, parameters: parameters, frames: hasLastFrame ? [.first, .last] : [.first])
        } catch {
            throw SeedanceError(.invalidRequest(error), "request not sent")
        }
    }

    /// Both frames, sized for the video `parameters` ask for, the last matched to the first.
    /// Each URL is fetched once and each input read once, just before its frame is prepared.
    public func prepareFrames(first: FrameSource, last: FrameSource?, parameters: GenerationParameters) async throws -> [RequestFrame] {
        let options = frameOptions(for: parameters)
        let firstFrame = try await prepare(resolve(first, role: .first), role: .first, matching: nil, options: options)
        guard let last else { return [firstFrame] }
        let target = FixPlanner.Target(width: firstFrame.width, height: firstFrame.height)
        return [firstFrame, try await prepare(resolve(last, role: .last), role: .last, matching: target, options: options)]
    }

    /// Both frames from bytes already in hand (``resolve(_:role:)``, or a batch plan's checked
    /// headers): nothing is fetched, and a header already read is not inspected again.
    public func prepareFrames(first: ResolvedFrame, last: ResolvedFrame?, parameters: GenerationParameters) async throws -> [RequestFrame] {
        let options = frameOptions(for: parameters)
        let firstFrame = try await prepare(first, role: .first, matching: nil, options: options)
        guard let last else { return [firstFrame] }
        let target = FixPlanner.Target(width: firstFrame.width, height: firstFrame.height)
        return [firstFrame, try await prepare(last, role: .last, matching: target, options: options)]
    }

    /// The fix options for the video `parameters` ask for.
    private func frameOptions(for parameters: GenerationParameters) -> FixOptions {
        var options = fixOptions
        options.video = VideoTarget(
            model: model, parameters: parameters, pixelAllowance: Self.videoPixelAllowance,
            sized: uploadSize == .video)
        return options
    }

    /// The request for the model: these parameters and these frames (checked when the body is laid out).
    public func request(parameters: GenerationParameters, frames: [RequestFrame]) -> GenerationRequest {
        GenerationRequest(model: model, parameters: parameters, frames: frames.map(\.payload))
    }

    /// The request from parameters checked once (``validate(_:hasLastFrame:)``): laying out its
    /// body checks only what needs the frames.
    public func request(parameters: ValidatedParameters, frames: [RequestFrame]) -> GenerationRequest {
        GenerationRequest(parameters, frames: frames.map(\.payload))
    }

    /// The one call: checks `parameters` once (``validate(_:hasLastFrame:)``), then prepares and
    /// submits as the call taking ``ValidatedParameters`` does. A wrong value is refused before
    /// any frame is read.
    public func submit(
        first: FrameSource, last: FrameSource?, parameters: GenerationParameters,
        client: SeedanceClient, store: (any TaskStore)?, allowDuplicate: Bool = false,
        batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> (Submission, [RequestFrame]) {
        try await submit(
            first: first, last: last, parameters: validate(parameters, hasLastFrame: last != nil), client: client, store: store,
            allowDuplicate: allowDuplicate, batchItem: batchItem, estimatedCostUSD: estimatedCostUSD)
    }

    /// Prepares and submits parameters checked once (``validate(_:hasLastFrame:)``); the store
    /// records the intent before the POST and refuses a duplicate of a request that may already
    /// be paid for, unless `allowDuplicate`.
    public func submit(
        first: FrameSource, last: FrameSource?, parameters: ValidatedParameters,
        client: SeedanceClient, store: (any TaskStore)?, allowDuplicate: Bool = false,
        batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> (Submission, [RequestFrame]) {
        // The check was made for this model and these frames: a value made for another is a
        // caller's mistake, refused before any frame work (not checked again).
        let roles: Set<FieldRule.FrameRole> = last == nil ? [.first] : [.first, .last]
        guard parameters.scope == .request, parameters.model == model, parameters.frames == roles else {
            throw SeedanceError(
                .invalidRequest(
                    RequestValidationError(
                        field: "parameters", value: "checked for \(parameters.model.name) with \(parameters.frames.count) frame(s)",
                        allowed: "parameters checked by this submitter's validate(_:hasLastFrame:) for \(model.name) with \(roles.count) frame(s)")),
                "request not sent")
        }
        let frames = try await prepareFrames(first: first, last: last, parameters: parameters.parameters)
        let inputs = frames.map { TaskInput(role: $0.role.rawValue, source: $0.source.recordedName, sha256: $0.digest) }
        let submission = try await client.submit(
            request(parameters: parameters, frames: frames), inputs: inputs, store: store,
            allowDuplicate: allowDuplicate, batchItem: batchItem, estimatedCostUSD: estimatedCostUSD)
        return (submission, frames)
    }

    /// A URL frame's bytes, through this submitter's fetcher (its caps and address rules). A
    /// failure keeps the fetcher's kind (a refused address, a size cap, an HTTP status), so a
    /// caller can tell them apart; the message names the frame.
    func fetch(_ url: URL, role: FrameRole) async throws(RemoteImageFetcher.FetchError) -> (data: Data, declaredType: String?) {
        do {
            return try await fetcher.fetch(url)
        } catch {
            var named = error
            named.message = "\(role.rawValue) frame: \(error.message)"
            throw named
        }
    }

    private func prepare(_ resolved: ResolvedFrame, role: FrameRole, matching target: FixPlanner.Target?, options: FixOptions) async throws
        -> RequestFrame
    {
        var options = options
        if !fixesFrames {
            // --no-fix sends compliant bytes as they are: no scaling either.
            options.video = nil
            options.lastFrameSize = .keep
        }
        let source = resolved.source
        // One read and one inspection (where the isolation says), or none when the run already
        // read the header: the same facts decide pass-through, --no-fix and the fix.
        let job = try FramePreparationJob(
            input: resolved.input, policy: policy, options: options, role: role, target: target,
            fixesFrames: fixesFrames, reportsCompliantFrames: resolved.fetchedDigest != nil, header: resolved.header)
        let frame: PreparedFrame
        switch try await isolation.prepare(job) {
        case .compliant(let report):
            guard case .url(let url) = source, let fetchedDigest = resolved.fetchedDigest else { throw job.unexpected(.compliant(report)) }
            let payload = FramePayload(role: role.fieldRole, content: .url(url.absoluteString), digest: fetchedDigest)
            return RequestFrame(
                role: role, source: source, payload: payload, prepared: nil, width: report.width, height: report.height, inputReport: report)
        case .prepared(let prepared):
            frame = prepared
        }
        let payload = FramePayload.inline(frame.bytes, format: frame.format.mediaSubtype, role: role.fieldRole)
        return RequestFrame(
            role: role, source: source, payload: payload, prepared: frame, width: frame.width, height: frame.height, inputReport: frame.before)
    }
}
