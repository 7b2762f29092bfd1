/// The Ark mode's share of the stand-in's state, kept under the provider's one lock.
struct ArkState: Sendable {
    var tasks: [String: ArkTask] = [:]
    /// Every id handed out, so a deleted task's id is never reused.
    var issuedIDs: Set<String> = []
    var nextSequence = 1
    /// Create calls that arrived, whatever became of them.
    var createCalls = 0
    /// List calls that arrived, whatever became of them.
    var listCalls = 0
    /// When each List call inside the current window was accepted.
    var acceptedLists: [ContinuousClock.Instant] = []
    /// When each create that made a task was accepted, per model as sent.
    var acceptedCreates: [String: [ContinuousClock.Instant]] = [:]
    /// Candidates seen by each fault, for ``ArkFaultTrigger/every(_:)``.
    var faceCandidates = 0
    var audioCandidates = 0
    var createdTasks = 0
}
