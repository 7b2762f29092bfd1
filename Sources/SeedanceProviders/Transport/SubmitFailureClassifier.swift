public import SeedanceCore

/// What one attempt at an HTTP call ended with, reduced to what retry decisions need.
public enum AttemptOutcome: Sendable, Hashable {
    /// The server answered with this status.
    case response(status: Int, retryAfter: Duration?)
    /// No answer; see ``TransportFailure``.
    case transport(TransportFailure)
}

/// Why an HTTP call got no answer.
public enum TransportFailure: Sendable, Hashable {
    /// Refused, unresolvable or timed out while connecting: no byte of the request left us.
    case notConnected
    /// Connected and sent, then no answer in time.
    case readTimeout
    /// Connected and sent, then the connection closed or reset.
    case connectionClosed
    /// Anything else; treated as possibly sent.
    case other
}

/// The next step after one attempt.
public enum RetryDecision: Sendable, Hashable {
    /// 2xx: read the answer.
    case accept
    /// Try again, after `Retry-After` when the server gave one, else after the policy's backoff.
    case retry(retryAfter: Duration?)
    /// The server answered with an error that repeating will not fix; report it.
    case refuse
    /// The create call may have reached the server: never resubmit, tell the user.
    case outcomeUnknown
}

/// Decides whether the paid create call may be repeated.
///
/// Only a provable "not taken" counts: no connection was ever made, or the server said
/// "not now" with 429 or 503. Everything else after the body may have left is unknown.
public enum SubmitFailureClassifier {
    public static func decide(_ outcome: AttemptOutcome) -> RetryDecision {
        switch outcome {
        case .response(let status, _) where (200..<300).contains(status):
            .accept
        case .response(let status, let retryAfter) where status == 429 || status == 503:
            .retry(retryAfter: retryAfter)
        case .response(let status, _) where status >= 500:
            .outcomeUnknown
        case .response:
            .refuse
        case .transport(.notConnected):
            .retry(retryAfter: nil)
        case .transport:
            .outcomeUnknown
        }
    }
}

/// Decides whether a read (a task read, a download) may be repeated: it always may, unless the
/// server refused it with a 4xx other than 429.
public enum ReadFailureClassifier {
    public static func decide(_ outcome: AttemptOutcome) -> RetryDecision {
        switch outcome {
        case .response(let status, _) where (200..<300).contains(status):
            .accept
        case .response(let status, let retryAfter) where status == 429 || status >= 500:
            .retry(retryAfter: retryAfter)
        case .response:
            .refuse
        case .transport:
            .retry(retryAfter: nil)
        }
    }
}

extension SubmitFailureClassifier {
    /// What the last attempt of a create call proves about the task (the ledger's
    /// ``TaskCreation``), read from the same decision that governs retrying, so the two never
    /// disagree: what may be retried was provably not taken.
    ///
    /// A 2xx is `created` only together with a task id; the caller makes an answer without one
    /// `unknown`.
    public static func creation(_ outcome: AttemptOutcome) -> TaskCreation {
        switch decide(outcome) {
        case .accept: .created
        case .retry: .notSent
        case .refuse: .refused
        case .outcomeUnknown: .unknown
        }
    }
}
