/// A task's state in every provider's words: each provider maps its own status names onto
/// these (novita's `TASK_STATUS_SUCCEED`, Ark's `succeeded`, …). Unknown values are kept, never
/// guessed at.
public enum TaskStatus: Sendable, Hashable, CustomStringConvertible {
    case queued
    case running
    case succeeded
    case failed
    /// The provider gave up on the task before it ran (a timeout in its queue).
    case expired
    /// Cancelled before it ran.
    case cancelled
    /// A status this client does not know; treated as not finished.
    case other(String)

    /// The neutral names this type prints and the store keeps; anything else is `.other`.
    public init(rawValue: String) {
        switch rawValue {
        case "queued": self = .queued
        case "running": self = .running
        case "succeeded": self = .succeeded
        case "failed": self = .failed
        case "expired": self = .expired
        case "cancelled": self = .cancelled
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .queued: "queued"
        case .running: "running"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .expired: "expired"
        case .cancelled: "cancelled"
        case .other(let value): value
        }
    }

    /// Whether polling can stop: the task will not change again.
    public var isFinished: Bool {
        switch self {
        case .succeeded, .failed, .expired, .cancelled: true
        case .queued, .running, .other: false
        }
    }

    /// Finished without a video.
    public var isUnsuccessful: Bool { isFinished && self != .succeeded }

    public var description: String { rawValue }
}
