public import Foundation
public import FrameKit
public import SeedanceAPI

/// Checks a manifest before anything is sent: each line's fields over the command line's
/// defaults, typed and validated by its model; each local frame read from its header (what `fix`
/// would do, or why it cannot be used); the output path; and an estimate per line.
public struct BatchPlanner: Sendable {
    /// The command line's request fields, by API name; a line's own value wins.
    public var defaults: [String: ManifestValue]
    /// The model of lines that name none.
    public var model: VideoModel
    /// Where `<id>.mp4` goes when a line names no `output`.
    public var outputDirectory: URL
    /// How frames are fixed; each line's video target is set from its model and parameters.
    public var fixOptions: FixOptions
    /// The frame rules for a model (the model's own, unless the caller overrides them); a model
    /// whose rules do not convert makes its lines errors.
    public var policy: @Sendable (VideoModel) throws(ModelFileError) -> Policy

    public init(
        defaults: [String: ManifestValue], model: VideoModel = .defaultModel, outputDirectory: URL, fixOptions: FixOptions = FixOptions(),
        policy: @escaping @Sendable (VideoModel) throws(ModelFileError) -> Policy = ModelCatalog.policy(for:)
    ) {
        self.defaults = defaults
        self.model = model
        self.outputDirectory = outputDirectory
        self.fixOptions = fixOptions
        self.policy = policy
    }

    /// Reads nothing but frame headers; sends nothing.
    public func plan(_ manifest: Manifest) -> BatchPlan {
        var items: [BatchPlanItem] = []
        var errors = manifest.errors
        var outputs: [String: Int] = [:]
        var models: [String: VideoModel] = [model.name: model]
        for line in manifest.lines {
            let (item, lineErrors) = plan(line, models: &models)
            var all = lineErrors
            if let item {
                if let earlier = outputs[item.output] {
                    all.append(
                        ManifestError(
                            .invalidValue, line: line.lineNumber, key: "output", value: item.output,
                            "line \(earlier) saves its video there too; give each line its own output"))
                } else {
                    outputs[item.output] = line.lineNumber
                }
            }
            errors += all
            if let item, all.isEmpty { items.append(item) }
        }
        errors.sort { ($0.line ?? 0, $0.key ?? "") < ($1.line ?? 0, $1.key ?? "") }
        return BatchPlan(items: items, errors: errors)
    }

    private func plan(_ line: ManifestLine, models: inout [String: VideoModel]) -> (BatchPlanItem?, [ManifestError]) {
        var fields = line.fields(over: defaults)
        let lineModel: VideoModel
        if let name = fields.removeValue(forKey: "model")?.stringValue, name != model.name {
            if let known = models[name] {
                lineModel = known
            } else {
                do {
                    lineModel = try ModelCatalog.resolve(name)
                    models[name] = lineModel
                } catch {
                    return (nil, [ManifestError(.invalidValue, line: line.lineNumber, key: "model", value: name, error.problem)])
                }
            }
        } else {
            lineModel = model
        }
        let typed = line.typed(fields, as: BatchRequestFields.types(of: lineModel))
        guard typed.errors.isEmpty else { return (nil, typed.errors) }
        let roles: Set<FieldRule.FrameRole> = line.last == nil ? [.first] : [.first, .last]
        let validated: ValidatedParameters
        switch BatchRequestFields.validated(from: typed.fields, model: lineModel, frames: roles, line: line.lineNumber) {
        case .success(let checked): validated = checked
        case .failure(let refusal): return (nil, [refusal.error])
        }
        let parameters = validated.parameters

        let first = FrameSource(argument: line.first)
        let last = line.last.map(FrameSource.init(argument:))
        var options = fixOptions
        options.video = VideoTarget(model: lineModel, parameters: parameters, pixelAllowance: VideoSubmitter.videoPixelAllowance)
        let linePolicy: Policy
        do {
            linePolicy = try policy(lineModel)
        } catch {
            return (nil, [ManifestError(.invalidValue, line: line.lineNumber, key: "model", value: lineModel.name, "\(error.key): \(error.problem)")])
        }
        let verdicts = check(first: first, last: last, preflight: FramePreflight(policy: linePolicy, options: options))
        var frameErrors: [ManifestError] = []
        for verdict in verdicts where verdict.error != nil || verdict.isUnusable {
            let why = verdict.error.map { "\($0)" } ?? verdict.violations.filter { !$0.fixable }.map(\.message).joined(separator: "; ")
            frameErrors.append(
                ManifestError(
                    .unusableFrame, line: line.lineNumber, key: verdict.role.rawValue,
                    value: verdict.source, "this frame cannot be used: \(why)"))
        }
        let output = line.output ?? outputDirectory.appendingPathComponent("\(line.id).mp4").path
        let video = Self.pricedVideo(lineModel, parameters, firstFrame: verdicts.first { $0.role == .first }?.report)
        var item = BatchPlanItem(
            id: line.id, line: line.lineNumber, first: first, last: last, validated: validated, output: output,
            estimate: video.map { CostEstimate($0, prices: lineModel.price) } ?? .unknown, verdicts: verdicts)
        item.policy = linePolicy
        return (item, frameErrors)
    }

    /// Local frames only: a URL is judged when it is fetched, just before its item is sent.
    private func check(first: FrameSource, last: FrameSource?, preflight: FramePreflight) -> [FramePreflight.FrameVerdict] {
        switch (first, last) {
        case (.image(let first), .image(let last)?): return preflight.check(first: first, last: last)
        case (.image(let first), _): return preflight.check(first: first, last: nil)
        case (.url, .image(let last)?):
            var verdict = preflight.check(first: last, last: nil)[0]
            verdict.role = .last
            return [verdict]
        case (.url, _): return []
        }
    }

    /// The video the request asks for, in the price's terms; nil (an unknown estimate) when the
    /// model lists no size, or when neither the request nor the model's data says the duration
    /// or the frame rate: the bill scales with both, and a guess could look cheaper than it.
    /// Without a listed ratio (`adaptive`) the video follows the first frame; when its shape is
    /// not known yet, the largest size is assumed (an estimate must not look cheaper than the bill).
    static func pricedVideo(_ model: VideoModel, _ parameters: GenerationParameters, firstFrame: ImageReport?) -> PricedVideo? {
        func value(_ name: String) -> ParameterValue? { parameters[name] ?? model.field(name)?.default }
        let sizes = model.outputSizes(
            resolution: parameters[VideoModel.resolutionField]?.stringValue,
            ratio: parameters[VideoModel.ratioField]?.stringValue)
        let size: VideoModel.PixelSize?
        if sizes.count > 1, let frame = firstFrame, frame.width > 0, frame.height > 0 {
            let aspect = Double(frame.width) / Double(frame.height)
            func distance(_ size: VideoModel.PixelSize) -> Double { abs(log(Double(size.width) / Double(size.height) / aspect)) }
            size = sizes.min { distance($0) < distance($1) }
        } else {
            size = sizes.max { $0.width * $0.height < $1.width * $1.height }
        }
        func integer(_ name: String) -> Int? {
            if case .integer(let number)? = value(name) { Int(number) } else { nil }
        }
        guard let size, let fps = integer("fps"), let seconds = integer("duration") else { return nil }
        // Unsaid, audio is priced on (its rate is never below the silent one) and the tier at
        // full price (flex is the cheaper one): an estimate that can only err on the high side.
        let audio: Bool = if case .bool(let flag)? = value("generate_audio") { flag } else { true }
        return PricedVideo(
            width: size.width, height: size.height, fps: fps, seconds: seconds,
            tier: value("service_tier")?.stringValue == "flex" ? .flex : .default, audio: audio)
    }
}
