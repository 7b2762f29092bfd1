/// A task's state as task-result reports it. Unknown values are kept, never guessed at.
public enum TaskStatus: Sendable, Hashable, CustomStringConvertible {
    case queued
    case processing
    case succeeded
    case failed
    /// A status this client does not know; treated as not finished.
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "TASK_STATUS_QUEUED": self = .queued
        case "TASK_STATUS_PROCESSING": self = .processing
        case "TASK_STATUS_SUCCEED": self = .succeeded
        case "TASK_STATUS_FAILED": self = .failed
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .queued: "TASK_STATUS_QUEUED"
        case .processing: "TASK_STATUS_PROCESSING"
        case .succeeded: "TASK_STATUS_SUCCEED"
        case .failed: "TASK_STATUS_FAILED"
        case .other(let value): value
        }
    }

    /// Whether polling can stop.
    public var isFinished: Bool { self == .succeeded || self == .failed }

    public var description: String {
        switch self {
        case .queued: "queued"
        case .processing: "processing"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .other(let value): value
        }
    }
}
