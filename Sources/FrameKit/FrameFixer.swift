import Foundation

/// Makes frames compliant with the smallest change: inspect the header once, plan, run the plan,
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
        try prepare(FrameInspector(policy: policy).inspectFrame(input), role: role, matching: target)
    }

    /// Prepares a frame already inspected (``FrameInspector/inspectFrame(_:)``): its input is
    /// not read or inspected again. Warnings libvips raises for this frame are its notes.
    public func prepare(_ frame: InspectedFrame, role: FrameRole, matching target: FixPlanner.Target? = nil) throws(FrameError) -> PreparedFrame {
        let plan = try FixPlanner(policy: policy, options: options).plan(for: frame.report, matching: target)
        do {
            let collected = try VipsWarnings.collecting { () throws(FrameError) in
                try run(plan, on: frame.input, report: frame.report, role: role)
            }
            var prepared = collected.value
            for warning in frame.warnings + collected.warnings where !prepared.notes.contains(warning) {
                prepared.notes.append(warning)
            }
            return prepared
        } catch {
            throw FrameError(error.kind, error.message, source: error.source ?? frame.input.name)
        }
    }

    private func run(_ plan: FixPlan, on loaded: LoadedInput, report: ImageReport, role: FrameRole) throws(FrameError) -> PreparedFrame {
        guard !plan.isPassThrough else {
            // A header can be intact over truncated pixels; a pass-through must still decode.
            try VipsLoader.probePixelData(loaded, format: report.format)
            return PreparedFrame(
                role: role, bytes: try loaded.allBytes(), format: report.format, width: report.width,
                height: report.height, before: report, plan: plan, steps: [], after: report,
                geometry: FrameGeometry(sourceWidth: report.width, sourceHeight: report.height), notes: [])
        }
        let output: PlanRenderer.Output
        do {
            output = try PlanRenderer(policy: policy, options: options).run(plan, on: loaded, report: report)
        } catch  where error.kind == .processingFailed {
            // A save or a render into memory pulls the input's pixels: which one failed, the
            // input or the processing, is told by decoding the input alone.
            try VipsLoader.probePixelData(loaded, format: report.format)
            throw error
        }
        let after = try FrameInspector(policy: policy).inspect(LoadedInput.load(.bytes(output.bytes, name: "\(loaded.name) (fixed)"), maxBytes: .max))
        let problems = RuleChecker(policy: policy).findings(for: after).filter { $0.severity == .violation }
        guard problems.isEmpty else {
            throw FrameError(
                .processingFailed,
                "internal error: the fixed frame still breaks \(problems.map(\.rule.rawValue).joined(separator: ", ")); please report this with the input"
            )
        }
        return PreparedFrame(
            role: role, bytes: output.bytes, format: output.format, width: after.width, height: after.height,
            before: report, plan: plan, steps: output.executed, after: after, geometry: output.geometry, notes: output.notes)
    }
}
