import FrameKit
import SeedanceAPI
import SeedanceKit

/// How `batch` shows a plan to people: per line what `fix` would do, the request and the
/// estimate, then the total (stdout); and every manifest problem (stderr).
enum BatchPlanReport {
    static func describe(_ item: BatchPlanItem) -> String {
        var lines = ["line \(item.line) (id \(item.id)) → \(item.output)"]
        for verdict in item.verdicts {
            lines += HumanReport.describe(verdict).split(separator: "\n").map { "  " + $0 }
        }
        if case .url(let url) = item.first { lines.append("  first: \(url.absoluteString): checked when fetched, before sending") }
        if case .url(let url)? = item.last { lines.append("  last: \(url.absoluteString): checked when fetched, before sending") }
        lines.append("  request: " + requestFields(item.request))
        lines.append("  estimate: \(item.estimate)")
        return lines.joined(separator: "\n")
    }

    static func total(_ plan: BatchPlan) -> String {
        "total for \(plan.items.count) item(s): \(plan.total)"
    }

    /// The fields that will be sent, by API name (unset ones take the provider's defaults).
    static func requestFields(_ request: GenerationRequest) -> String {
        var fields: [String] = []
        func add(_ name: String, _ value: (any CustomStringConvertible)?) {
            if let value { fields.append("\(name)=\(value)") }
        }
        add("prompt", request.prompt.map { "\"\($0.count > 60 ? String($0.prefix(57)) + "..." : $0)\"" })
        add("duration", request.duration)
        add("resolution", request.resolution?.rawValue)
        add("ratio", request.ratio?.rawValue)
        add("fps", request.fps)
        add("seed", request.seed)
        add("watermark", request.watermark)
        add("camera_fixed", request.cameraFixed)
        add("service_tier", request.serviceTier?.rawValue)
        add("generate_audio", request.generateAudio)
        add("execution_expires_after", request.executionExpiresAfter)
        return fields.isEmpty ? "(provider defaults)" : fields.joined(separator: " ")
    }
}
