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
        lines.append("  request: " + requestFields(item))
        lines.append("  estimate: \(item.estimate)")
        return lines.joined(separator: "\n")
    }

    static func total(_ plan: BatchPlan) -> String {
        "total for \(plan.items.count) item(s): \(plan.total)"
    }

    /// The model and the fields that will be sent (unset ones take the provider's defaults).
    static func requestFields(_ item: BatchPlanItem) -> String {
        let fields = item.parameters.values.sorted { $0.key < $1.key }.map { key, value in
            let text = value.description
            return "\(key)=" + (text.count > 60 ? String(text.prefix(57)) + "..." : text)
        }
        return (["model=\(item.model.name)"] + fields).joined(separator: " ")
    }
}
