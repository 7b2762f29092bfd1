public import Foundation

/// Where a submission stands, as the store records it. Stored and printed in snake_case.
public enum TaskState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Committed before the POST; no answer recorded yet (the call may be in flight, or the
    /// process died mid-call: a paid task may exist).
    case intent
    /// The provider returned a task id; the task is queued or running.
    case submitted
    /// The task finished with a video.
    case succeeded
    /// The task finished without a video.
    case failed
    /// The create call made nothing: refused by the provider, or provably not taken (see
    /// ``TaskRecord/creation``, which tells the two apart).
    case refused
    /// The create call may have created a task, and nobody knows its id.
    case outcomeUnknown = "outcome_unknown"

    /// No later answer can change this state.
    public var isFinal: Bool { self == .succeeded || self == .failed || self == .refused }

    /// The states in which a request may already be paid for (``DuplicateRule``): the one rule
    /// for the duplicate window, a batch item's link and its spend count. A failed task is not
    /// charged (only successful videos are), so it is not here.
    public var mayBePaid: Bool { self == .intent || self == .submitted || self == .succeeded || self == .outcomeUnknown }

    /// The state a final task status puts a task in; nil while it runs.
    public init?(finished status: TaskStatus) {
        switch status {
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        default: return nil
        }
    }
}

/// One input file of a submission, identified by content: never image bytes, never the key.
public struct TaskInput: Codable, Sendable, Hashable {
    /// `first` or `last`.
    public var role: String
    /// The path, URL or `-` the user gave; never a data URI.
    public var source: String
    /// SHA-256 (hex) of the bytes that were sent for this frame.
    public var sha256: String

    public init(role: String, source: String, sha256: String) {
        self.role = role
        self.source = source
        self.sha256 = sha256
    }
}

/// A batch manifest item a submission belongs to.
public struct BatchItemKey: Sendable, Hashable, Codable {
    public var batchID: String
    public var itemID: String

    public init(batchID: String, itemID: String) {
        self.batchID = batchID
        self.itemID = itemID
    }

    enum CodingKeys: String, CodingKey {
        case batchID = "batch_id"
        case itemID = "item_id"
    }
}

/// Everything the store knows about one submission: one row of `tasks`.
public struct TaskRecord: Sendable, Hashable, Codable {
    /// Our id for the submission, chosen before the POST.
    public var intentID: String
    public var createdAt: Date
    public var updatedAt: Date
    /// The model name, e.g. `seedance-v1.5-pro`.
    public var model: String
    /// The provider it was sent to (``VideoModel`` names are families; the provider says where),
    /// e.g. `novita`, `byteplus`; `status` and `wait` follow a task there without a flag.
    public var provider: String
    public var baseURL: String
    /// SHA-256 of the body with images replaced by their digests.
    public var fingerprint: String
    public var inputs: [TaskInput]
    /// The provider's id, once it gave one.
    public var taskID: String?
    public var state: TaskState
    /// Whether the create call made a task (the pay-once ledger's answer).
    public var creation: TaskCreation
    /// The last status the provider reported, as ``TaskStatus/rawValue`` (stores from 0.4.0 hold novita's own text).
    public var providerStatus: String?
    /// Why it was refused or failed.
    public var reason: String?
    /// Where the video was saved.
    public var outputPath: String?
    public var estimatedCostUSD: Double?
    /// The actual cost, from the provider's `usage`, once the task succeeded and reported it.
    public var costUSD: Double?
    /// Where the cost shown for this record comes from (``CostBasis/of(cost:estimate:)``), kept
    /// beside the figures so that `tasks --json` says it.
    public var costBasis: CostBasis?
    /// What was sent, as the provider echoes it (``RequestBody/echo``): matched against listed
    /// tasks to resolve an unknown outcome. Empty for a provider that cannot list.
    public var echo: [String: String] = [:]
    public var batchID: String?
    public var itemID: String?

    public init(
        intentID: String, createdAt: Date, updatedAt: Date? = nil, model: String, provider: String = TaskRecord.defaultProvider,
        baseURL: String, fingerprint: String,
        inputs: [TaskInput] = [], taskID: String? = nil, state: TaskState = .intent, creation: TaskCreation = .unknown, providerStatus: String? = nil,
        reason: String? = nil, outputPath: String? = nil, estimatedCostUSD: Double? = nil, batchItem: BatchItemKey? = nil
    ) {
        self.intentID = intentID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.model = model
        self.provider = provider
        self.baseURL = baseURL
        self.fingerprint = fingerprint
        self.inputs = inputs
        self.taskID = taskID
        self.state = state
        self.creation = creation
        self.providerStatus = providerStatus
        self.reason = reason
        self.outputPath = outputPath
        self.estimatedCostUSD = estimatedCostUSD
        costBasis = CostBasis.of(cost: nil, estimate: estimatedCostUSD)
        batchID = batchItem?.batchID
        itemID = batchItem?.itemID
    }

    /// The provider of every record written before records named one (0.4.0 served only novita).
    public static let defaultProvider = "novita"

    /// The id to show people: the provider's task id, else our intent id.
    public var displayID: String { taskID ?? intentID }

    enum CodingKeys: String, CodingKey {
        case model, provider, fingerprint, inputs, state, creation, reason
        case intentID = "intent_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case baseURL = "base_url"
        case taskID = "task_id"
        case providerStatus = "provider_status"
        case outputPath = "output_path"
        case estimatedCostUSD = "estimated_cost_usd"
        case costUSD = "cost_usd"
        case costBasis = "cost_basis"
        case echo
        case batchID = "batch_id"
        case itemID = "item_id"
    }
}

/// Which records ``TaskStore/records(matching:)`` returns; nil fields match everything.
public struct TaskFilter: Sendable, Hashable {
    public var states: Set<TaskState>?
    public var batchID: String?
    public var taskID: String?

    public init(states: Set<TaskState>? = nil, batchID: String? = nil, taskID: String? = nil) {
        self.states = states
        self.batchID = batchID
        self.taskID = taskID
    }

    public static let all = TaskFilter()
}
