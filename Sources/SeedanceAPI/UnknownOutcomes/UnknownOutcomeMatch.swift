public import Foundation

/// Which listed tasks can be the one an unknown create made: the pure rule, from a table.
///
/// A candidate was created no earlier than the intent (less a clock allowance: the provider's
/// clock is not ours), is not a task the store already knows, runs on the wire model that was
/// sent, and echoes every field that was sent the same way, except what the provider chooses
/// for us (`adaptive` ratio, `-1` duration) and what it does not echo. Nothing is guessed: the
/// caller adopts exactly one candidate, and with several it adopts none.
public enum UnknownOutcomeMatch {
    /// How much earlier than our intent the provider's clock may date the task.
    public static let clockAllowance: TimeInterval = 120
    /// How long after the intent a task it created surely shows in the list; before that an
    /// empty list proves nothing yet.
    public static let answerWindow: TimeInterval = 60

    public static func candidates(
        sent: [String: String], intentCreatedAt: Date, listed: [TaskSnapshot], knownTaskIDs: Set<String>
    ) -> [TaskSnapshot] {
        listed.filter { task in
            guard !knownTaskIDs.contains(task.taskID) else { return false }
            guard let created = task.createdAt, created >= intentCreatedAt.addingTimeInterval(-clockAllowance) else { return false }
            if let model = sent["model"], let echoed = task.model, echoed != model { return false }
            for (field, value) in sent where field != "model" {
                guard let echoed = task.echoed[field] else { continue }
                if chosenByTheProvider(field: field, sent: value) { continue }
                if echoed != value { return false }
            }
            return true
        }
    }

    /// Values that ask the provider to choose; the task echoes its choice instead.
    static func chosenByTheProvider(field: String, sent: String) -> Bool {
        (field == "ratio" && sent == "adaptive") || (field == "duration" && sent == "-1") || (field == "seed" && sent == "-1")
    }
}

/// How an unknown outcome was resolved through the provider's task list.
public enum UnknownOutcomeResolution: Sendable {
    /// Exactly one listed task matches: its id is adopted (`creation` becomes `created`).
    case adopted(taskID: String)
    /// None matches, and enough time has passed that a task the create made would be listed:
    /// nothing was created (`creation` becomes `not_sent`; a resumed batch may send it again).
    case notCreated
    /// Several match: the record stays `unknown`, and these are for the user to look at.
    case ambiguous([TaskSnapshot])
    /// Nothing can be concluded yet or at all (too early, no task list, older than the list).
    case undecided(String)
}
