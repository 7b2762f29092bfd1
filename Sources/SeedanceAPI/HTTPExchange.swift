internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// A complete small answer from the server (JSON documents, never videos).
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer

    var retryAfter: Duration? {
        headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
    }
}

/// How a call with retries ended.
enum ExchangeResult: Sendable {
    /// 2xx.
    case accepted(HTTPAnswer, attempts: Int)
    /// The server refused, or kept failing until the policy gave up.
    case refused(HTTPAnswer, attempts: Int)
    /// The create call may have reached the server.
    case outcomeUnknown(TransportFailure?, status: Int?, attempts: Int)
    /// No connection could be made (or kept) through every allowed attempt.
    case unreachable(String, attempts: Int)
}

/// Runs one HTTP call under a retry policy and a classifier; shared by submit and reads.
struct HTTPExchange: Sendable {
    var httpClient: HTTPClient
    var timeSource: TimeSource
    var maxAnswerBytes = 1 << 20

    func perform(
        _ request: HTTPClientRequest,
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
                let response = try await httpClient.execute(request, deadline: .distantFuture)
                let body = try await response.body.collect(upTo: maxAnswerBytes)
                let received = HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: body)
                answer = received
                outcome = .response(status: received.status, retryAfter: received.retryAfter)
            } catch {
                outcome = .transport(TransportFailure(classifying: error))
                failureText = TransportFailure.summary(of: error)
            }
            switch classify(outcome) {
            case .accept:
                return .finish(.accepted(answer!, attempts: attempts))
            case .refuse:
                return .finish(.refused(answer!, attempts: attempts))
            case .outcomeUnknown:
                if case .transport(let failure) = outcome {
                    return .finish(.outcomeUnknown(failure, status: nil, attempts: attempts))
                }
                return .finish(.outcomeUnknown(nil, status: answer?.status, attempts: attempts))
            case .retry(let retryAfter):
                return .retry((answer, failureText), retryAfter: retryAfter)
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

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
