/// Sends one create call (the paid one). The creator commits the intent row before its POST and
/// links it to `itemID`, and applies the duplicate rule: it never sends a request that may
/// already have been paid for.
///
/// It answers with an outcome, never by throwing: every way a create call can end decides what
/// the runner may do next, and most of them forbid sending again.
public protocol BatchCreator<Prepared>: Sendable {
    associatedtype Prepared: Sendable

    func create(_ prepared: Prepared, itemID: String) async -> BatchCreateOutcome
}

/// How a create call ended.
public enum BatchCreateOutcome: Sendable, Hashable {
    /// The provider made the task.
    case created(taskID: String)
    /// 429 (or 503): the provider said "not now" and provably took nothing; safe to send again.
    case rateLimited(retryAfter: Duration?)
    /// The provider refused the request (4xx): no task exists. The item fails.
    case refused(reason: String)
    /// An identical request may already be paid for: nothing was sent; follow the earlier one.
    case duplicate(of: BatchEarlierRequest)
    /// The request may have made a paid task (timeout, reset, 5xx). Never sent again.
    case outcomeUnknown(message: String)
    /// The intent could not be recorded, so nothing was sent; the batch stops.
    case ledgerFailed(message: String)
}
