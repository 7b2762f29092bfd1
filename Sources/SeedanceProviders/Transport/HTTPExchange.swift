internal import Foundation
public import SeedanceCore

/// A complete small answer from the server (JSON documents, never videos).
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: HTTPHeaderFields
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaderFields = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var retryAfter: Duration? {
        headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
    }
}

/// How a call with retries ended.
public enum ExchangeResult: Sendable {
    /// 2xx.
    case accepted(HTTPAnswer, attempts: Int)
    /// The server refused, or kept failing until the policy gave up.
    case refused(HTTPAnswer, attempts: Int)
    /// The create call may have reached the server.
    case outcomeUnknown(TransportFailure?, status: Int?, attempts: Int)
    /// No connection could be made (or kept) through every allowed attempt.
    case unreachable(String, attempts: Int)
}

/// Runs one HTTP call under a retry policy and a classifier; every provider's create and read
/// calls go through it, so the money rule (what may be repeated) is applied in one loop.
public struct HTTPExchange: Sendable {
    public var transport: any HTTPTransport
    public var timeSource: TimeSource
    public var maxAnswerBytes = 1 << 20

    public init(transport: any HTTPTransport, timeSource: TimeSource) {
        self.transport = transport
        self.timeSource = timeSource
    }

    public func perform(
        _ request: HTTPRequest,
        policy: RetryPolicy,
        classify: (AttemptOutcome) -> RetryDecision
    ) async -> ExchangeResult {
        // A failure worth retrying: the server's answer, or why no answer came.
        typealias Failure = (answer: HTTPAnswer?, text: String)
        let outcome = await RetryLoop(policy: policy, timeSource: timeSource).run { attempts -> RetryLoop.Step<ExchangeResult, Failure> in
            let outcome: AttemptOutcome
            var answer: HTTPAnswer?
            var failureText = ""
            do {
                let response = try await transport.send(request)
                let body = try await response.body.collect(upTo: maxAnswerBytes)
                let received = HTTPAnswer(status: response.status, headers: response.headers, body: body)
                answer = received
                outcome = .response(status: received.status, retryAfter: received.retryAfter)
            } catch let error as TransportError {
                outcome = .transport(error.failure)
                failureText = error.summary
            } catch {
                // An answer longer than any JSON document we read: the server answered, so the
                // request arrived; what it did is not known.
                outcome = .transport(.other)
                failureText = "the answer was longer than \(maxAnswerBytes) bytes"
            }
            switch (classify(outcome), answer) {
            case (.accept, let answer?):
                return .finish(.accepted(answer, attempts: attempts))
            case (.refuse, let answer?):
                return .finish(.refused(answer, attempts: attempts))
            case (.retry(let retryAfter), _):
                return .retry((answer, failureText), retryAfter: retryAfter)
            case (.outcomeUnknown, _), (.accept, nil), (.refuse, nil):
                // Accepting or refusing needs an answer; without one nothing is known.
                if case .transport(let failure) = outcome {
                    return .finish(.outcomeUnknown(failure, status: nil, attempts: attempts))
                }
                return .finish(.outcomeUnknown(nil, status: answer?.status, attempts: attempts))
            }
        }
        switch outcome {
        case .finished(let result, _):
            return result
        case .gaveUp(let failure, let attempts, let cancelled):
            if let answer = failure.answer { return .refused(answer, attempts: attempts) }
            return .unreachable(cancelled ? "cancelled while waiting to retry" : failure.text, attempts: attempts)
        }
    }
}
