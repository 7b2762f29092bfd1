/// Where a batch item stands: the one stored lifecycle of an item, read from typed columns only
/// (its row's ``BatchItemState``, its task's ``TaskState`` and ``TaskCreation``), never from a
/// message. The claim rule, a resumed run and the spend count all decide from this value.
///
/// ```
/// unsent ──claim──▶ (claimed) ──intent──▶ awaitingAnswer ──answer──▶ created ──▶ succeeded ──▶ downloaded
///   ▲  │                │                                   ├──▶ refused        └──▶ failed
///   │  └──unusable──▶ abandoned                             ├──▶ unknown  (never sent again)
///   └────────────── not_sent (429/503, no connection) ◀─────┘
/// ```
/// `abandoned`, `refused` and `failed` go back to `unsent` only when the user asks to retry failed items.
public enum BatchItemStage: Sendable, Hashable {
    /// Nothing left this machine for it: never claimed, a claim given back or lapsed, or its
    /// only create call provably not taken (creation ``TaskCreation/notSent``).
    case unsent
    /// Ended locally without a paid call: an unusable input, or still not taken after every try.
    case abandoned(reason: String)
    /// Its intent is committed and no answer is recorded: the POST may have made a paid task.
    case awaitingAnswer
    /// The provider answered that it made nothing.
    case refused(reason: String)
    /// The create call ended so that a task may exist, and its id is not known.
    case unknown(reason: String)
    /// The task exists and, as far as the store knows, has not finished.
    case created
    /// The task finished with a video that is not saved.
    case succeeded
    /// The task finished without a video.
    case failed(reason: String)
    /// The video is saved at `output`.
    case downloaded(output: String)

    /// The stage an item's row and its linked task record (nil: none) say.
    public init(item: BatchItemRecord, task: TaskRecord?) {
        guard let task else {
            switch item.state {
            case .pending, .claimed: self = .unsent
            case .skipped: self = .abandoned(reason: item.error ?? "not sent")
            case .completed: self = .downloaded(output: item.output ?? "")
            // An intent id without its task row is damaged: it may have been sent.
            case .sent: self = .awaitingAnswer
            }
            return
        }
        switch task.creation {
        case .notSent:
            self = item.state == .skipped ? .abandoned(reason: item.error ?? task.reason ?? "not sent") : .unsent
        case .refused:
            self = .refused(reason: task.reason ?? "refused by the provider")
        case .unknown:
            self = task.state == .intent ? .awaitingAnswer : .unknown(reason: task.reason ?? "the create call's outcome is unknown")
        case .created:
            switch task.state {
            case .succeeded:
                if let output = task.outputPath ?? item.output { self = .downloaded(output: output) } else { self = .succeeded }
            case .failed: self = .failed(reason: task.reason ?? "the task failed at the provider")
            case .intent, .submitted, .refused, .outcomeUnknown: self = .created
            }
        }
    }

    /// Whether a claim may take the item; `retryingFailed`: the user asked to send items again
    /// whose earlier attempt provably made nothing payable, or failed.
    public func mayBeClaimed(retryingFailed: Bool) -> Bool {
        switch self {
        case .unsent: true
        case .abandoned, .refused, .failed: retryingFailed
        case .awaitingAnswer, .unknown, .created, .succeeded, .downloaded: false
        }
    }

    /// Whether an earlier attempt may have been paid for: what the state of the task record it
    /// was read from says (``TaskState/mayBePaid``; a task that failed is not charged).
    public var mayBePaid: Bool { taskState?.mayBePaid ?? false }

    /// The state of the task record this stage is read from; nil: no task was made or sent.
    var taskState: TaskState? {
        switch self {
        case .unsent, .abandoned: nil
        case .awaitingAnswer: .intent
        case .refused: .refused
        case .unknown: .outcomeUnknown
        case .created: .submitted
        case .succeeded, .downloaded: .succeeded
        case .failed: .failed
        }
    }
}
