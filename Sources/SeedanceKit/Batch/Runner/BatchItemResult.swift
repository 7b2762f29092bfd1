/// How one item ended a run: a row of the `--json` document.
public struct BatchItemResult: Sendable, Hashable, Codable {
    public var id: String
    public var line: Int
    public var state: BatchRunItemState
    /// The provider's task id, once known (for a duplicate, the earlier task's id).
    public var taskID: String?
    /// Where the video is saved; nil until it is.
    public var output: String?
    /// The estimated price in USD; nil when unknown.
    public var estimatedCostUSD: Double?
    /// Why it failed, why its outcome is unknown, or why it is not finished.
    public var error: String?
    /// Set when an identical request was paid before and this item follows that task instead.
    public var duplicateOfTaskID: String?

    public init(
        id: String, line: Int, state: BatchRunItemState, taskID: String? = nil, output: String? = nil,
        estimatedCostUSD: Double? = nil, error: String? = nil, duplicateOfTaskID: String? = nil
    ) {
        self.id = id
        self.line = line
        self.state = state
        self.taskID = taskID
        self.output = output
        self.estimatedCostUSD = estimatedCostUSD
        self.error = error
        self.duplicateOfTaskID = duplicateOfTaskID
    }

    enum CodingKeys: String, CodingKey {
        case id, line, state, output, error
        case taskID = "task_id"
        case estimatedCostUSD = "estimated_cost_usd"
        case duplicateOfTaskID = "duplicate_of_task_id"
    }
}
