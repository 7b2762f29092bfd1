public import Foundation

/// One input file of a submission, identified by content.
public struct JournalInput: Codable, Sendable, Hashable {
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

/// One line of the journal. Events are only appended; ``JournalEntry`` folds them.
public struct JournalEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Written and synced before the create call.
        case intent
        /// The provider returned a task id.
        case submitted
        /// The provider refused the create call; no task exists.
        case refused
        /// The create call may have created a task; nobody knows its id.
        case outcomeUnknown = "outcome_unknown"
        /// The task reached a final status (and maybe a video was saved).
        case finished
    }

    public var time: Date
    public var intentID: String
    public var kind: Kind
    public var fingerprint: String?
    public var inputs: [JournalInput]?
    public var baseURL: String?
    public var taskID: String?
    public var status: String?
    public var reason: String?
    public var outputPath: String?

    enum CodingKeys: String, CodingKey {
        case time, kind, fingerprint, inputs, status, reason
        case intentID = "intent_id", baseURL = "base_url", taskID = "task_id", outputPath = "output_path"
    }

    public init(
        time: Date = Date(), intentID: String, kind: Kind, fingerprint: String? = nil, inputs: [JournalInput]? = nil,
        baseURL: String? = nil, taskID: String? = nil, status: String? = nil, reason: String? = nil, outputPath: String? = nil
    ) {
        self.time = time
        self.intentID = intentID
        self.kind = kind
        self.fingerprint = fingerprint
        self.inputs = inputs
        self.baseURL = baseURL
        self.taskID = taskID
        self.status = status
        self.reason = reason
        self.outputPath = outputPath
    }
}
