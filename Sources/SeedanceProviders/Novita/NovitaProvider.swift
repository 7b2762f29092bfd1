public import Foundation
public import SeedanceCore

/// novita.ai's Seedance endpoints behind the provider seam: a Bearer key, the model's create
/// path, `task-result` for reads. It can neither list nor cancel tasks.
public struct NovitaProvider: VideoProvider {
    public static let defaultBaseURL = URL(string: "https://api.novita.ai")!
    public static let apiKeyVariable = "NOVITA_API_KEY"

    public static let registration = ProviderRegistration(
        id: .novita, api: "novita", defaultBaseURL: defaultBaseURL, apiKeyVariable: apiKeyVariable, baseURLVariable: nil,
        keyHelp: "create a key at https://novita.ai/settings/key-management", listsTasks: false,
        layBody: { request throws(RequestValidationError) in try NovitaRequestLayout.body(for: request) },
        make: { NovitaProvider(configuration: $0, transport: $1, timeSource: $2) })

    public let configuration: ProviderConfiguration
    let exchange: HTTPExchange

    public init(configuration: ProviderConfiguration, transport: any HTTPTransport, timeSource: TimeSource = .system) {
        self.configuration = configuration
        exchange = HTTPExchange(transport: transport, timeSource: timeSource)
    }

    public var id: ProviderID { .novita }
    public var taskFinder: (any TaskFinding)? { nil }
    public var taskCanceller: (any TaskCancelling)? { nil }

    public func body(for request: GenerationRequest) throws(RequestValidationError) -> RequestBody {
        try NovitaRequestLayout.body(for: request)
    }

    public func createTask(_ body: RequestBody) async -> CreationOutcome {
        var post = authorizedRequest(.post, url: configuration.endpoint(body.endpoint))
        post.headers.add(name: "Content-Type", value: "application/json")
        // A fresh pass over the chunks per attempt: a retry sends the same bytes, encoded again.
        post.body = body.httpBody()
        let baseURL = configuration.baseURL.absoluteString
        switch await exchange.perform(post, policy: configuration.submitRetry, classify: SubmitFailureClassifier.decide) {
        case .accepted(let answer, let attempts):
            guard let taskID = NovitaTaskResult.createdTaskID(in: answer.body) else {
                return .failed(
                    creation: .unknown,
                    error: SeedanceError(
                        .outcomeUnknown,
                        "the provider accepted the request (HTTP \(answer.status)) but its answer held no task id; a paid task may exist"),
                    reason: nil)
            }
            return .created(taskID: taskID, attempts: attempts)
        case .refused(let answer, _):
            let providerError = configuration.redacted(NovitaErrors.providerError(answer))
            // A 429 or 503 still answered after the last try provably took nothing.
            let creation = SubmitFailureClassifier.creation(.response(status: answer.status, retryAfter: answer.retryAfter))
            return .failed(
                creation: creation, error: SeedanceError(.provider(providerError), "the provider refused the request"),
                reason: providerError.reason)
        case .outcomeUnknown(let failure, let status, _):
            let what = status.map { "the provider answered HTTP \($0)" } ?? Self.describe(failure)
            return .failed(
                creation: .unknown,
                error: SeedanceError(
                    .outcomeUnknown, "\(what) after the request was sent; a paid task may or may not exist, so it was not resubmitted"),
                reason: nil)
        case .unreachable(let text, let attempts):
            // Every attempt ended before sending (the classifier retries nothing else).
            return .failed(
                creation: SubmitFailureClassifier.creation(.transport(.notConnected)),
                error: SeedanceError(
                    .unreachable,
                    "could not connect to \(baseURL) after \(attempts) attempt(s), nothing was sent: \(configuration.redacted(text))"),
                reason: "UNREACHABLE")
        }
    }

    public func task(id taskID: String) async throws(SeedanceError) -> TaskSnapshot {
        let query = "task_id=" + (taskID.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+", "#"])) ?? taskID)
        let get = authorizedRequest(.get, url: configuration.endpoint(NovitaTaskResult.path, query: query))
        switch await exchange.perform(get, policy: configuration.readRetry, classify: ReadFailureClassifier.decide) {
        case .accepted(let answer, _):
            return try NovitaTaskResult.snapshot(json: Data(answer.body))
        case .refused(let answer, _):
            throw SeedanceError(.provider(configuration.redacted(NovitaErrors.providerError(answer))), "task-result for \(taskID) failed")
        case .outcomeUnknown(_, _, let attempts), .unreachable(_, let attempts):
            throw SeedanceError(
                .unreachable, "could not reach \(configuration.baseURL.absoluteString) for task \(taskID) after \(attempts) attempt(s)")
        }
    }

    private func authorizedRequest(_ method: HTTPRequest.Method, url: String) -> HTTPRequest {
        HTTPRequest(
            method: method, url: url,
            headers: [
                "Authorization": "Bearer \(configuration.apiKey)", "Accept": "application/json", "User-Agent": SeedanceVersion.userAgent,
            ])
    }

    private static func describe(_ failure: TransportFailure?) -> String {
        switch failure {
        case .readTimeout: "no answer came within the read timeout"
        case .connectionClosed: "the connection dropped"
        default: "the call failed"
        }
    }
}
