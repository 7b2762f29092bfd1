/// Where an item stands in a run of ``BatchRunner``; the raw values are the JSON's.
///
/// The stored life of an item is the state store's; this is the run's view of it, which adds
/// what only a run knows: `skipped` (another process holds the item) and `capped` (not sent
/// because the spending cap was reached). The happy path is pending → preparing → ready →
/// rate_limited → submitting → submitted → running → succeeded → downloaded.
public enum BatchRunItemState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not started in this run (or put back when the run stopped before sending it).
    case pending
    /// Its frames are being fixed and its request built.
    case preparing
    /// Prepared, waiting in the bounded queue for the submit loop.
    case ready
    /// Waiting for a create token or a free in-flight slot (also after a 429).
    case rateLimited = "rate_limited"
    /// The create call is in flight.
    case submitting
    /// The provider gave a task id; the task is queued.
    case submitted
    /// The provider reports the task as processing.
    case running
    /// The task finished with a video that is not saved yet.
    case succeeded
    /// The video is saved at the item's output.
    case downloaded
    /// Refused by the provider, failed at the provider, or unusable locally. Nothing more is paid.
    case failed
    /// The create call may or may not have made a paid task: reported, never sent again.
    case outcomeUnknown = "outcome_unknown"
    /// Another process holds the item: this one leaves it alone.
    case skipped
    /// Not sent because it would have taken the spend past `--max-spend`.
    case capped

    /// Nothing more happens to the item in this run.
    public var isFinal: Bool {
        switch self {
        case .downloaded, .failed, .outcomeUnknown, .skipped, .capped: true
        default: false
        }
    }
}
