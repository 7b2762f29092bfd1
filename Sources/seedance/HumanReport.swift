import FrameKit

/// One clear line per finding, for people (on stderr).
enum HumanReport {
    static func describe(_ verdict: FramePreflight.FrameVerdict) -> String {
        var lines: [String] = []
        let status = verdict.isUnusable ? "UNUSABLE" : verdict.isAcceptable ? "OK" : "NEEDS FIX"
        var header = "\(verdict.role.rawValue): \(verdict.source): \(status)"
        if let report = verdict.report {
            header += " — \(report.format.rawValue) \(report.width)×\(report.height), \(report.bytes) bytes"
        }
        lines.append(header)
        for finding in verdict.violations.map(CommandLineAdvice.phrased) { lines.append("  ✗ [\(finding.rule.rawValue)] \(finding.message)") }
        for finding in verdict.notes.map(CommandLineAdvice.phrased) { lines.append("  · [\(finding.rule.rawValue)] \(finding.message)") }
        if let plan = verdict.plan, !verdict.isUnusable {
            lines.append(
                plan.isPassThrough
                    ? "  fix would pass it through unchanged"
                    : "  fix would: " + plan.steps.map(\.summary).joined(separator: " → "))
        }
        return lines.joined(separator: "\n")
    }
}
