/// `check` as a library call: reports, findings and the plan `fix` would run, for one or two
/// frames, from headers only.
public struct FramePreflight: Sendable {
    public var policy: Policy
    public var options: FixOptions

    public init(policy: Policy = .seedance, options: FixOptions = FixOptions()) {
        self.policy = policy
        self.options = options
    }

    /// The verdict on one frame.
    public struct FrameVerdict: Sendable {
        public var role: FrameRole
        public var source: String
        /// Nil when the input could not be read at all; ``error`` says why.
        public var report: ImageReport?
        public var findings: [Finding]
        /// What `fix` would do, in order; empty when it would pass the bytes through.
        public var plan: FixPlan?
        public var error: FrameError?
        /// What libvips warned about while reading the header.
        public var headerWarnings: [String]

        public init(
            role: FrameRole, source: String, report: ImageReport?, findings: [Finding], plan: FixPlan?, error: FrameError?,
            headerWarnings: [String] = []
        ) {
            self.role = role
            self.source = source
            self.report = report
            self.findings = findings
            self.plan = plan
            self.error = error
            self.headerWarnings = headerWarnings
        }

        /// The header as this check read it, for preparing the frame later in the same run
        /// without reading it again; nil when it could not be read.
        public var header: HeaderInspection? {
            report.map { HeaderInspection(report: $0, warnings: headerWarnings) }
        }

        public var violations: [Finding] { findings.filter { $0.severity == .violation } }
        public var notes: [Finding] { findings.filter { $0.severity == .note } }
        public var isAcceptable: Bool { violations.isEmpty }
        /// Unusable: unreadable, or a violation `fix` cannot repair.
        public var isUnusable: Bool { violations.contains { !$0.fixable } }
    }

    public func check(first: ImageInput, last: ImageInput?, strict: Bool = false) -> [FrameVerdict] {
        let firstVerdict = verdict(for: first, role: .first, matching: nil, strict: strict)
        guard let last else { return [firstVerdict] }
        return [firstVerdict, verdict(for: last, role: .last, matching: firstVerdict, strict: strict)]
    }

    private func verdict(for input: ImageInput, role: FrameRole, matching first: FrameVerdict?, strict: Bool) -> FrameVerdict {
        let inspected: InspectedFrame
        do {
            inspected = try FrameInspector(policy: policy).inspectFrame(input)
        } catch {
            let rule: Rule = error.kind == .tooLargeToDecode ? .tooLargeToDecode : .unreadable
            let finding = Finding(rule: rule, severity: .violation, message: error.message, fixable: false)
            return FrameVerdict(role: role, source: input.displayName, report: nil, findings: [finding], plan: nil, error: error)
        }
        let report = inspected.report
        var findings = RuleChecker(policy: policy).findings(for: report, matching: first?.report, strict: strict)
        // The last frame is planned against the first frame's output, as `fix` would.
        let target = first?.plan.map { FixPlanner.Target(width: $0.width, height: $0.height) }
        let plan: FixPlan?
        do {
            plan = try FixPlanner(policy: policy, options: options).plan(for: report, matching: target)
        } catch {
            // `fix` would fail the same way: the check says so, unless a finding that cannot be
            // repaired already says the frame is unusable (the planner refuses what it refuses).
            plan = nil
            if !findings.contains(where: { $0.severity == .violation && !$0.fixable }) {
                findings.append(Finding(rule: Self.rule(for: error), severity: .violation, message: error.message, fixable: false))
            }
        }
        return FrameVerdict(
            role: role, source: report.source, report: report, findings: findings, plan: plan, error: nil, headerWarnings: inspected.warnings)
    }

    /// The rule a planning failure breaks.
    private static func rule(for error: FrameError) -> Rule {
        switch error.kind {
        case .tooLargeToDecode: .tooLargeToDecode
        case .unsupportedFormat: .format
        // The only thing the planner cannot comply with: a pad canvas over the pixel limit.
        case .cannotComply: .aspectRatio
        default: .unreadable
        }
    }
}
