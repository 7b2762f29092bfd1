internal import Foundation
internal import NIOConcurrencyHelpers
internal import NIOCore
internal import SeedanceCore

/// The stand-in's behaviour, apart from any networking: request in, action out.
final class StubProvider: Sendable {
    struct State {
        var configuration: StubConfiguration
        var baseURL = ""
        var tasks: [String: StubTask] = [:]
        var faults: [StubEndpoint: [StubFault]] = [:]
        var requests: [RecordedRequest] = []
        var postCount = 0
        var nextTask = 1
        /// When each create that passed the limits was accepted (pruned to the rate window).
        var acceptedCreates: [ContinuousClock.Instant] = []
        /// Creates refused with 429 by ``StubLimits``.
        var limitRefusals = 0
        var ark = ArkState()
        /// Connections held open by ``StubFault/hang``, closed when the stand-in stops.
        var heldConnections: [any Channel] = []
    }

    let state: NIOLockedValueBox<State>

    init(configuration: StubConfiguration) {
        state = NIOLockedValueBox(State(configuration: configuration))
    }

    func handle(_ request: RecordedRequest) -> StubAction {
        let (path, query) = Self.split(request.uri)
        if Self.isArk(path: path) { return handleArk(request) }
        let model = state.withLockedValue { state in state.configuration.models.first { $0.endpoint == path } }
        let isSubmit = request.method == "POST" && model != nil
        let endpoint: StubEndpoint? =
            isSubmit
            ? .submit
            : request.method == "GET" && path == "/v3/async/task-result"
                ? .taskResult
                : request.method == "GET" && path.hasPrefix("/files/")
                    ? .download
                    : nil
        let fault = state.withLockedValue { state -> StubFault? in
            state.requests.append(request)
            if isSubmit { state.postCount += 1 }
            guard let endpoint, var queue = state.faults[endpoint], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            state.faults[endpoint] = queue
            return fault
        }
        guard let endpoint else {
            return .respond(.refusal(ProviderRefusal(status: 404, reason: "API_NOT_FOUND", message: "no route for \(request.method) \(path)")))
        }
        switch fault {
        case .error(let status, let reason, let retryAfter):
            return .respond(.refusal(ProviderRefusal(status: status, reason: reason, message: "injected fault"), retryAfter: retryAfter))
        case .dropConnection:
            return .drop
        case .malformedJSON:
            return .respond(StubResponse(status: 200, contentType: "application/json", body: Data("{\"task_id\": \"unterminated".utf8)))
        case .delay(let delay):
            return .respondLater(answer(endpoint, request, model: model, path: path, query: query), after: delay)
        case .hang:
            _ = answer(endpoint, request, model: model, path: path, query: query)
            return .hold
        case nil:
            return .respond(answer(endpoint, request, model: model, path: path, query: query))
        }
    }

    private func answer(_ endpoint: StubEndpoint, _ request: RecordedRequest, model: VideoModel?, path: String, query: [String: String])
        -> StubResponse
    {
        do throws(ProviderRefusal) {
            switch endpoint {
            case .submit:
                try authorize(request)
                guard let model else { throw ProviderRefusal(status: 404, reason: "API_NOT_FOUND", message: "no model at \(path)") }
                let checker = SubmitBodyChecker(model: model, imageValidator: state.withLockedValue { $0.configuration.imageValidator })
                try checker.check(request.body)
                return createTaskWithinLimits()
            case .taskResult:
                try authorize(request)
                return .json(200, try taskResult(query["task_id"] ?? ""))
            case .download:
                return try video(path: path, query: query)
            }
        } catch {
            return .refusal(error)
        }
    }

    private func authorize(_ request: RecordedRequest) throws(ProviderRefusal) {
        guard let header = request.header("Authorization"), !header.isEmpty else {
            throw ProviderRefusal(status: 400, reason: "MISSING_API_KEY", message: "missing Authorization header")
        }
        let key = state.withLockedValue { $0.configuration.apiKey }
        guard header == "Bearer \(key)" else {
            throw ProviderRefusal(status: 403, reason: "INVALID_API_KEY", message: "invalid api key")
        }
    }

    /// Checks the limits and creates the task under one lock, so concurrent creates cannot
    /// both take the last slot.
    private func createTaskWithinLimits() -> StubResponse {
        state.withLockedValue { state in
            let configuration = state.configuration
            let now = configuration.clock.now
            if let window = configuration.createLimit?.window {
                state.acceptedCreates.removeAll { now - $0 >= window }
            }
            if let limited = StubLimits.refusal(
                now: now, acceptedCreates: state.acceptedCreates,
                runningUntil: state.tasks.values.map { $0.created + $0.duration },
                rate: configuration.createLimit, maxRunning: configuration.maxRunningTasks)
            {
                state.limitRefusals += 1
                return .refusal(limited.refusal, retryAfter: String(limited.retryAfter))
            }
            if configuration.createLimit != nil { state.acceptedCreates.append(now) }
            let id = String(format: "stub-%04d-%08x", state.nextTask, UInt32.random(in: 0...UInt32.max))
            state.nextTask += 1
            state.tasks[id] = StubTask(
                id: id, created: now, duration: configuration.taskDuration,
                failureReason: configuration.taskFailureReason, seed: Int.random(in: 1...999_999))
            return .json(200, ["task_id": id])
        }
    }

    private func taskResult(_ id: String) throws(ProviderRefusal) -> [String: Any] {
        let found = state.withLockedValue { state in
            state.tasks[id].map { ($0, state.baseURL, state.configuration.videoURLLifetime, state.configuration.clock) }
        }
        guard let (task, baseURL, lifetime, clock) = found else {
            throw ProviderRefusal(status: 404, reason: "TASK_NOT_FOUND", message: "task \(id) not found")
        }
        let expires = Int(Date().timeIntervalSince1970) + lifetime
        return task.result(at: clock.now, videoURL: { "\(baseURL)/files/\(id).mp4?expires=\(expires)" }, lifetime: lifetime)
    }

    private func video(path: String, query: [String: String]) throws(ProviderRefusal) -> StubResponse {
        let id = String(path.dropFirst("/files/".count).dropLast(".mp4".count))
        guard path.hasSuffix(".mp4"), state.withLockedValue({ $0.tasks[id] != nil }) else {
            throw ProviderRefusal(status: 404, reason: "NoSuchKey", message: "no such video")
        }
        guard let expires = query["expires"].flatMap({ Int($0) }), expires > Int(Date().timeIntervalSince1970) else {
            throw ProviderRefusal(status: 403, reason: "AccessDenied", message: "Request has expired")
        }
        return StubResponse(status: 200, contentType: "video/mp4", body: FakeVideo.bytes)
    }

    private static func split(_ uri: String) -> (path: String, query: [String: String]) {
        guard let components = URLComponents(string: uri) else { return (uri, [:]) }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        return (components.path, query)
    }
}
