import Foundation

/// Makes frames compliant with the smallest change: plan from the header, run one pipeline,
/// re-inspect the output. An output that would fail `check` is a bug, reported as an error.
public struct FrameFixer: Sendable {
    public var policy: Policy
    public var options: FixOptions

    public init(policy: Policy = .seedance, options: FixOptions = FixOptions()) {
        self.policy = policy
        self.options = options
    }

    /// Prepares the first frame, then the last matched to it.
    public func prepare(first: ImageInput, last: ImageInput?) throws(FrameError) -> (first: PreparedFrame, last: PreparedFrame?) {
        let firstFrame = try prepare(first, role: .first)
        guard let last else { return (firstFrame, nil) }
        let target = FixPlanner.Target(width: firstFrame.width, height: firstFrame.height)
        return (firstFrame, try prepare(last, role: .last, matching: target))
    }

    public func prepare(_ input: ImageInput, role: FrameRole, matching target: FixPlanner.Target? = nil) throws(FrameError) -> PreparedFrame {
        let loaded = try LoadedInput.load(input, maxBytes: policy.maxInputBytes)
        let inspector = FrameInspector(policy: policy)
        let report = try inspector.inspect(loaded)
        let plan = try FixPlanner(policy: policy, options: options).plan(for: report, matching: target)
        do {
            return try run(plan, on: loaded, report: report, role: role, inspector: inspector)
        } catch {
            throw FrameError(error.kind, error.message, source: error.source ?? loaded.name)
        }
    }

    private func run(_ plan: FixPlan, on loaded: LoadedInput, report: ImageReport, role: FrameRole, inspector: FrameInspector) throws(FrameError) -> PreparedFrame {
        let bytes: Data
        var format = report.format
        var notes: [String] = []
        if plan.isPassThrough {
            try verifyPixelData(loaded, report: report)
            bytes = try loaded.allBytes()
        } else {
            let pipeline = FramePipeline(policy: policy, options: options)
            let encoded: BudgetEncoder.Result
            do {
                encoded = try BudgetEncoder(policy: policy, startQuality: options.quality)
                    .encode(format: plan.format, keepsAlpha: plan.keepsAlpha) { () throws(FrameError) in
                        try pipeline.render(loaded, report: report, plan: plan)
                    }
            } catch where error.kind == .processingFailed {
                // libvips' error text is one buffer for all threads, so it cannot say reliably
                // whether the input was to blame; decoding the input alone can.
                try verifyPixelData(loaded, report: report)
                throw error
            }
            bytes = encoded.bytes
            format = encoded.format
            notes = encoded.notes
        }
        // A pass-through output is the input: its report is the one already read.
        let after = plan.isPassThrough ? report
            : try inspector.inspect(LoadedInput.load(.bytes(bytes, name: "\(loaded.name) (fixed)"), maxBytes: .max))
        let problems = RuleChecker(policy: policy).findings(for: after).filter { $0.severity == .violation }
        guard problems.isEmpty else {
            throw FrameError(.processingFailed, "internal error: the fixed frame still breaks \(problems.map(\.rule.rawValue).joined(separator: ", ")); please report this with the input")
        }
        return PreparedFrame(role: role, bytes: bytes, format: format, width: after.width, height: after.height,
                             before: report, plan: plan, after: after, notes: notes + LibVips.drainWarnings())
    }

    /// A header can be intact over truncated pixels; a pass-through must still decode.
    private func verifyPixelData(_ loaded: LoadedInput, report: ImageReport) throws(FrameError) {
        let image = try FrameLoader.open(loaded, format: report.format, sequential: true, failOnTruncated: true,
                                         shrink: report.format == .jpeg ? 8 : 1)
        _ = try image.average()
    }
}
