public import Foundation
public import SeedanceCore

/// BytePlus ModelArk and Volcengine Ark behind the provider seam: one API, two regions (hosts,
/// keys and wire model ids differ). Ark can list an account's tasks (so an unknown outcome can
/// be looked up) and cancel a queued one.
public struct ArkProvider: VideoProvider, TaskFinding, TaskCancelling {
    public static let apiKeyVariable = "ARK_API_KEY"
    public static let tasksPath = "/contents/generations/tasks"
    /// List answers at most once a second per account.
    public static let listInterval: Duration = .seconds(1)
    public static let listPageSize = 100

    public static let byteplus = registration(.byteplus, baseURL: "https://ark.ap-southeast.bytepluses.com/api/v3", console: "BytePlus")
    public static let volcengine = registration(.volcengine, baseURL: "https://ark.cn-beijing.volces.com/api/v3", console: "Volcengine")

    private static func registration(_ id: ProviderID, baseURL: String, console: String) -> ProviderRegistration {
        ProviderRegistration(
            id: id, api: "ark", defaultBaseURL: URL(string: baseURL)!, apiKeyVariable: apiKeyVariable,
            baseURLVariable: "ARK_BASE_URL", keyHelp: "create an API key in the \(console) Ark console", listsTasks: true,
            layBody: { request throws(RequestValidationError) in try ArkRequestLayout.body(for: request, provider: id) },
            make: { ArkProvider(id: id, configuration: $0, transport: $1, timeSource: $2) })
    }

    public let id: ProviderID
    public let configuration: ProviderConfiguration
    let exchange: HTTPExchange
    let timeSource: TimeSource

    public init(id: ProviderID, configuration: ProviderConfiguration, transport: any HTTPTransport, timeSource: TimeSource = .system) {
        self.id = id
        self.configuration = configuration
        self.timeSource = timeSource
        exchange = HTTPExchange(transport: transport, timeSource: timeSource)
    }

    public var taskFinder: (any TaskFinding)? { self }
    public var taskCanceller: (any TaskCancelling)? { self }

    public func body(for request: GenerationRequest) throws(RequestValidationError) -> RequestBody {
        try ArkRequestLayout.body(for: request, provider: id)
    }

    public func createTask(_ body: RequestBody) async -> CreationOutcome {
        var post = request(.post, path: Self.tasksPath)
        post.headers.add(name: "Content-Type", value: "application/json")
        post.body = body.httpBody()
        let result = await exchange.perform(post, policy: configuration.submitRetry, classify: SubmitFailureClassifier.decide)
        return Self.createAnswers.outcome(of: result, configuration: configuration)
    }

    /// Ark's create answers: `{"id"}`, and its error envelope (every documented refusal creates nothing).
    static let createAnswers = CreateAnswerReading(
        taskID: ArkTaskReading.createdTaskID(in:),
        refusal: { answer in
            let error = ArkErrors.providerError(answer)
            return (error, ArkErrors.creation(error))
        })

    public func task(id taskID: String) async throws(SeedanceError) -> TaskSnapshot {
        let answer = try await read(request(.get, path: "\(Self.tasksPath)/\(Self.escaped(taskID))"), what: "task \(taskID)")
        return try ArkTaskReading.snapshot(json: Data(answer.body))
    }

    /// Every task created at or after `since`, of `model` (a wire id) when given, in both service
    /// tiers (the list shows flex tasks only when asked for them), paging through, at most one
    /// call a second.
    public func findTasks(createdSince since: Date, model: String?) async throws(SeedanceError) -> [TaskSnapshot] {
        var found: [TaskSnapshot] = []
        var calls = 0
        for tier in ["default", "flex"] {
            var page = 1
            while true {
                if calls > 0 {
                    do {
                        try await timeSource.sleep(Self.listInterval)
                    } catch {
                        throw SeedanceError(.unreachable, "cancelled while reading the task list")
                    }
                }
                calls += 1
                var query = ["page_num=\(page)", "page_size=\(Self.listPageSize)", "filter.service_tier=\(tier)"]
                if let model { query.append("filter.model=\(Self.escaped(model))") }
                let answer = try await read(
                    request(.get, path: Self.tasksPath, query: query.joined(separator: "&")), what: "the task list")
                let (items, total) = try ArkTaskReading.page(json: Data(answer.body))
                found += items.filter { ($0.createdAt ?? .distantFuture) >= since }
                if items.isEmpty || page * Self.listPageSize >= total { break }
                page += 1
            }
        }
        return found
    }

    public func cancelTask(id taskID: String) async throws(SeedanceError) {
        _ = try await read(request(.delete, path: "\(Self.tasksPath)/\(Self.escaped(taskID))"), what: "cancelling task \(taskID)")
    }

    private func read(_ request: HTTPRequest, what: String) async throws(SeedanceError) -> HTTPAnswer {
        switch await exchange.perform(request, policy: configuration.readRetry, classify: ReadFailureClassifier.decide) {
        case .accepted(let answer, _):
            return answer
        case .refused(let answer, _):
            throw SeedanceError(.provider(configuration.redacted(ArkErrors.providerError(answer))), "\(what) failed")
        case .outcomeUnknown(_, _, let attempts), .unreachable(_, let attempts):
            throw SeedanceError(.unreachable, "could not reach \(configuration.baseURL.absoluteString) for \(what) after \(attempts) attempt(s)")
        }
    }

    private func request(_ method: HTTPRequest.Method, path: String, query: String? = nil) -> HTTPRequest {
        HTTPRequest(
            method: method, url: configuration.endpoint(path, query: query),
            headers: [
                "Authorization": "Bearer \(configuration.apiKey)", "Accept": "application/json", "User-Agent": SeedanceVersion.userAgent,
            ])
    }

    private static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? text
    }
}
