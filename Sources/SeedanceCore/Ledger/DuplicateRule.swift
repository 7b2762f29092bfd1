public import Foundation

/// One paid task per intent: the same request is not paid for twice by accident.
public enum DuplicateRule {
    /// How far back an earlier identical request counts.
    public static let window: TimeInterval = 24 * 60 * 60

    /// The earliest creation date that still counts as a duplicate at `now`.
    public static func windowStart(at now: Date) -> Date {
        now.addingTimeInterval(-window)
    }

    /// What to tell the user about `earlier`: which task or intent, and its state. How to look
    /// at it or pay again on purpose is the caller's to say (a command line names its flags).
    public static func message(earlier: TaskRecord) -> String {
        let when = ISO8601DateFormatter().string(from: earlier.createdAt)
        var text = "refused, nothing sent: the same request (model \(earlier.model), \(earlier.baseURL)) was already submitted at \(when)"
        if let taskID = earlier.taskID {
            text += " as task \(taskID), state \(earlier.state.rawValue)"
        } else {
            text += " as intent \(earlier.intentID), state \(earlier.state.rawValue), with no task id known: a paid task may exist"
        }
        return text
    }
}
