import SeedanceAPI
import SeedanceKit

/// `batch --dry-run --json`: every checked line's plan, the problems, and the total estimate.
struct BatchDryRunDocument: Encodable {
    struct Item: Encodable {
        var id: String
        var line: Int
        var output: String
        var request: String
        var fixSteps: [String]
        var estimatedCostUSD: Double?

        enum CodingKeys: String, CodingKey {
            case id, line, output, request
            case fixSteps = "fix_steps"
            case estimatedCostUSD = "estimated_cost_usd"
        }
    }

    struct Problem: Encodable {
        var kind: String
        var line: Int?
        var key: String?
        var value: String?
        var message: String
    }

    var items: [Item]
    var errors: [Problem]
    var totalEstimatedCostUSD: Double?
    var sent = false

    init(plan: BatchPlan) {
        items = plan.items.map { item in
            Item(
                id: item.id, line: item.line, output: item.output, request: BatchPlanReport.requestFields(item),
                fixSteps: item.verdicts.flatMap { verdict in
                    (verdict.plan?.steps ?? []).map { "\(verdict.role.rawValue): \($0.summary)" }
                },
                estimatedCostUSD: item.estimate.usd)
        }
        errors = plan.errors.map { Problem(kind: $0.kind.rawValue, line: $0.line, key: $0.key, value: $0.value, message: $0.message) }
        totalEstimatedCostUSD = plan.total.usd
    }

    enum CodingKeys: String, CodingKey {
        case items, errors, sent
        case totalEstimatedCostUSD = "total_estimated_cost_usd"
    }
}
