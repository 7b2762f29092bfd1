internal import SeedanceCore

/// The one retry loop: runs attempts under a ``RetryPolicy``, sleeping through a ``TimeSource``.
///
/// What is worth another attempt is the caller's decision (each call has its own classifier and
/// its own money rules); how long to wait, how often, and when to give up is decided only here.
struct RetryLoop: Sendable {
    var policy: RetryPolicy
    var timeSource: TimeSource

    /// What one attempt ended with.
    enum Step<Value, Failure> {
        /// Done, one way or another: no more attempts.
        case finish(Value)
        /// Worth another attempt, after `retryAfter` when the server named a wait.
        case retry(Failure, retryAfter: Duration?)
    }

    /// How the loop ended.
    enum Outcome<Value, Failure> {
        case finished(Value, attempts: Int)
        /// The policy allowed no further attempt (or the wait was cancelled): the last failure.
        case gaveUp(Failure, attempts: Int, cancelled: Bool)
    }

    func run<Value, Failure>(_ attempt: (_ number: Int) async -> Step<Value, Failure>) async -> Outcome<Value, Failure> {
        var attempts = 0
        var waited = Duration.zero
        while true {
            attempts += 1
            switch await attempt(attempts) {
            case .finish(let value):
                return .finished(value, attempts: attempts)
            case .retry(let failure, let retryAfter):
                guard
                    let delay = policy.delay(
                        forAttempt: attempts, retryAfter: retryAfter, waitedSoFar: waited, jitter: timeSource.jitter())
                else {
                    return .gaveUp(failure, attempts: attempts, cancelled: false)
                }
                do {
                    try await timeSource.sleep(delay)
                } catch {
                    return .gaveUp(failure, attempts: attempts, cancelled: true)
                }
                waited += delay
            }
        }
    }
}
