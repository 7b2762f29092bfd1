/// What a successful create call returned, with the store's name for it.
public struct Submission: Sendable, Hashable {
    public var taskID: String
    /// The store's intent id for this submission.
    public var intentID: String
    /// SHA-256 of the body with images replaced by their digests.
    public var fingerprint: String
    /// The model's name (``VideoModel/name``).
    public var model: String
    /// How many POSTs were sent (more than one only after a provable refusal).
    public var attempts: Int
    /// Set when the task id could not be added to the store; the task exists regardless.
    public var storeProblem: String?
}
