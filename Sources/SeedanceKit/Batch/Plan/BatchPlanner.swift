public import FrameKit
public import Foundation
public import SeedanceAPI

/// Checks a manifest before anything is sent: each line's fields over the command line's
/// defaults, typed and validated; each local frame read from its header (what `fix` would do,
/// or why it cannot be used); the output path; and an estimate per line.
public struct BatchPlanner: Sendable {
    /// The command line's request fields, by API name; a line's own value wins.
    public var defaults: [String: ManifestValue]
    /// Where `<id>.mp4` goes when a line names no `output`.
    public var outputDirectory: URL
    public var policy: Policy
    /// The fix options for a line's request (its ratio and resolution frame the video).
    public var fixOptions: @Sendable (GenerationRequest) -> FixOptions
    /// The price table of the model; ``PriceTable/unknown`` estimates "unknown".
    public var prices: PriceTable

    public init(
        defaults: [String: ManifestValue], outputDirectory: URL, policy: Policy = .seedance,
        prices: PriceTable = .seedance15Pro, fixOptions: @escaping @Sendable (GenerationRequest) -> FixOptions
    ) {
        self.defaults = defaults
        self.outputDirectory = outputDirectory
        self.policy = policy
        self.prices = prices
        self.fixOptions = fixOptions
    }

    /// The model batches send to; a line's `model` must name it.
    public static let modelName = "seedance-v1.5-pro"

    /// Reads nothing but frame headers; sends nothing.
    public func plan(_ manifest: Manifest) -> BatchPlan {
        var items: [BatchPlanItem] = []
        var errors = manifest.errors
        var outputs: [String: Int] = [:]
        for line in manifest.lines {
            let (item, lineErrors) = plan(line)
            var all = lineErrors
            if let item {
                if let earlier = outputs[item.output] {
                    all.append(ManifestError(.invalidValue, line: line.lineNumber, key: "output", value: item.output,
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

    private func plan(_ line: ManifestLine) -> (BatchPlanItem?, [ManifestError]) {
        let typed = line.typed(line.fields(over: defaults), as: BatchRequestFields.types)
        var errors = typed.errors
        if let model = typed.fields["model"], model != .null, model.stringValue != Self.modelName {
            errors.append(ManifestError(.invalidValue, line: line.lineNumber, key: "model", value: "\(model)",
                                        "unknown model; batches send to \(Self.modelName)"))
        }
        let (request, requestErrors) = BatchRequestFields.request(from: typed.fields, line: line.lineNumber)
        errors += requestErrors
        guard errors.isEmpty else { return (nil, errors) }

        let first = FrameSource(argument: line.first)
        let last = line.last.map(FrameSource.init(argument:))
        let options = fixOptions(request)
        let verdicts = check(first: first, last: last, options: options)
        for verdict in verdicts where verdict.error != nil || verdict.isUnusable {
            let why = verdict.error.map { "\($0)" } ?? verdict.violations.filter { !$0.fixable }.map(\.message).joined(separator: "; ")
            errors.append(ManifestError(.unusableFrame, line: line.lineNumber, key: verdict.role.rawValue,
                                        value: verdict.source, "this frame cannot be used: \(why)"))
        }
        let output = line.output ?? outputDirectory.appendingPathComponent("\(line.id).mp4").path
        let estimate = CostEstimate(Self.pricedVideo(request, firstFrame: verdicts.first { $0.role == .first }?.report), prices: prices)
        let item = BatchPlanItem(id: line.id, line: line.lineNumber, first: first, last: last, request: request,
                                 fixOptions: options, output: output, estimate: estimate, verdicts: verdicts)
        return (item, errors)
    }

    /// Local frames only: a URL is judged when it is fetched, just before its item is sent.
    private func check(first: FrameSource, last: FrameSource?, options: FixOptions) -> [FramePreflight.FrameVerdict] {
        let preflight = FramePreflight(policy: policy, options: options)
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

    /// The video the request asks for, in the price's terms. An `adaptive` ratio follows the
    /// first frame; when its size is not known yet, the largest size is assumed (an estimate
    /// must not look cheaper than the bill).
    static func pricedVideo(_ request: GenerationRequest, firstFrame: ImageReport?) -> PricedVideo {
        let resolution = request.resolution ?? BatchRequestFields.defaultResolution
        let ratios = (request.ratio ?? .adaptive) == .adaptive ? AspectRatio.allCases : [request.ratio ?? .adaptive]
        let sizes = ratios.compactMap { resolution.pixelSize(for: $0) }
        let size: (width: Int, height: Int)
        if let frame = firstFrame, frame.width > 0, frame.height > 0 {
            let aspect = Double(frame.width) / Double(frame.height)
            size = sizes.min { abs(log(Double($0.width) / Double($0.height) / aspect)) < abs(log(Double($1.width) / Double($1.height) / aspect)) } ?? (0, 0)
        } else {
            size = sizes.max { $0.width * $0.height < $1.width * $1.height } ?? (0, 0)
        }
        return PricedVideo(
            width: size.width, height: size.height, fps: request.fps ?? 24,
            seconds: request.duration ?? BatchRequestFields.defaultDuration,
            tier: request.serviceTier == .flex ? .flex : .default, audio: request.generateAudio ?? true)
    }
}
