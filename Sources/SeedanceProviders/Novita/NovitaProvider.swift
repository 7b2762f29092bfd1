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
        let result = await exchange.perform(post, policy: configuration.submitRetry, classify: SubmitFailureClassifier.decide)
        return Self.createAnswers.outcome(of: result, configuration: configuration)
    }

    /// novita's create answers: `{"task_id"}`, and its error envelope; a 429 or 503 still
    /// answered after the last try provably took nothing.
    static let createAnswers = CreateAnswerReading(
        taskID: NovitaTaskResult.createdTaskID(in:),
        refusal: { answer in
            (NovitaErrors.providerError(answer), SubmitFailureClassifier.creation(.response(status: answer.status, retryAfter: answer.retryAfter)))
        })

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
}
