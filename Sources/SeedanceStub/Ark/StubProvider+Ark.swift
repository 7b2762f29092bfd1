internal import Foundation

/// The Ark routes, next to novita's on the same port: `/api/v3/contents/generations/tasks` for
/// create, List, retrieve and delete, and `/ark-files/` for the videos and last frames the
/// tasks point to.
extension StubProvider {
    static let arkTasksPath = "/api/v3/contents/generations/tasks"

    static func isArk(path: String) -> Bool {
        path == "/api/v3" || path.hasPrefix("/api/v3/") || path.hasPrefix("/ark-files/")
    }

    func handleArk(_ request: RecordedRequest) -> StubAction {
        let components = URLComponents(string: request.uri)
        let path = components?.path ?? request.uri
        let items = components?.queryItems ?? []
        state.withLockedValue { $0.requests.append(request) }
        let tasks = Self.arkTasksPath
        do throws(ArkError) {
            switch request.method {
            case "POST" where path == tasks:
                return try arkCreate(request)
            case "GET" where path == tasks:
                try arkAuthorize(request)
                return .respond(try arkList(items))
            case "GET" where path.hasPrefix(tasks + "/"):
                try arkAuthorize(request)
                return .respond(try arkRetrieve(String(path.dropFirst(tasks.count + 1))))
            case "DELETE" where path.hasPrefix(tasks + "/"):
                try arkAuthorize(request)
                return .respond(try arkDelete(String(path.dropFirst(tasks.count + 1))))
            case "GET" where path.hasPrefix("/ark-files/"):
                return .respond(try arkFile(String(path.dropFirst("/ark-files/".count)), items))
            default:
                throw ArkError(status: 404, code: "NotFound", message: "no route for \(request.method) \(path)")
            }
        } catch {
            return .respond(error.response)
        }
    }

    private func arkAuthorize(_ request: RecordedRequest) throws(ArkError) {
        let key = state.withLockedValue { $0.configuration.ark.apiKey ?? $0.configuration.apiKey }
        guard request.header("Authorization") == "Bearer \(key)" else {
            throw ArkError(status: 401, code: "AuthenticationError", message: "The API key in the request is missing or invalid.")
        }
    }

    // MARK: Create

    private func arkCreate(_ request: RecordedRequest) throws(ArkError) -> StubAction {
        let validator = state.withLockedValue { state -> ImageValidator in
            state.ark.createCalls += 1
            return state.configuration.ark.imageValidator
        }
        try arkAuthorize(request)
        // Decoding frames takes a while: outside the lock.
        let create = try ArkBodyChecker(imageValidator: validator).check(request.body)
        return state.withLockedValue { state -> StubAction in
            do throws(ArkError) {
                return try Self.admit(create, into: &state)
            } catch {
                return .respond(error.response)
            }
        }
    }

    /// The limits, the face fault and the task's creation under one lock, so concurrent creates
    /// cannot both take the last slot.
    private static func admit(_ create: ArkCreateRequest, into state: inout State) throws(ArkError) -> StubAction {
        let configuration = state.configuration.ark
        let now = ContinuousClock.now
        if let rate = configuration.createRate {
            var recent = state.ark.acceptedCreates[create.model, default: []]
            recent.removeAll { now - $0 >= rate.window }
            state.ark.acceptedCreates[create.model] = recent
            if recent.count >= rate.creates {
                throw ArkError(
                    status: 429, code: "ModelAccountRpmRateLimitExceeded",
                    message: "The request has exceeded the RPM limit of model \(create.model) for your account. Please retry later.")
            }
        }
        let queued = state.ark.tasks.values.filter { $0.status(configuration) == "queued" }.count
        if queued >= configuration.maxQueuedTasks {
            throw ArkError(
                status: 429, code: "QuotaExceeded",
                message: "The request has exceeded the quota: \(queued) tasks are queued, at most \(configuration.maxQueuedTasks).")
        }
        let faults = configuration.faults
        let prompt = create.content.prompt
        if create.family.isV2, let first = create.content.imageIndexes.first, let trigger = faults.faceRefusal {
            state.ark.faceCandidates += 1
            if trigger.fires(ordinal: state.ark.faceCandidates, prompt: prompt) {
                throw ArkError(
                    status: 400, code: "InputImageSensitiveContentDetected.PrivacyInformation",
                    message: "The request failed because the input image may contain real person.", param: "content[\(first)]")
            }
        }
        var ending = ArkTask.Ending.succeed
        if create.generateAudio, let trigger = faults.audioModerationFailure {
            state.ark.audioCandidates += 1
            if trigger.fires(ordinal: state.ark.audioCandidates, prompt: prompt) {
                ending = .fail(
                    code: "OutputAudioSensitiveContentDetected",
                    message: "The request failed because the output audio may contain sensitive information.")
            }
        }
        state.ark.createdTasks += 1
        let ordinal = state.ark.createdTasks
        if faults.expiry?.fires(ordinal: ordinal, prompt: prompt) == true { ending = .expire }
        if configuration.createRate != nil { state.ark.acceptedCreates[create.model, default: []].append(now) }
        let id = newTaskID(avoiding: state.ark.issuedIDs)
        state.ark.issuedIDs.insert(id)
        let seconds = Int(Date().timeIntervalSince1970)
        state.ark.tasks[id] = ArkTask(
            id: id, sequence: state.ark.nextSequence, request: create, createdAt: seconds, updatedAt: seconds,
            seed: create.seed ?? Int.random(in: 0...2_147_483_647), ending: ending)
        state.ark.nextSequence += 1
        if faults.lostAnswer?.fires(ordinal: ordinal, prompt: prompt) == true {
            switch faults.lostAnswerMode {
            case .dropConnection:
                return .drop
            case .internalServiceError:
                throw ArkError(status: 500, code: "InternalServiceError", message: "The service encountered an unexpected internal error.")
            }
        }
        return .respond(.json(200, ["id": id]))
    }

    /// `cgt-<UTC yyyyMMddHHmmss>-<5 of [0-9a-z]>`, the shape seen in real answers.
    private static func newTaskID(avoiding taken: Set<String>) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        let stamp = formatter.string(from: Date())
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        while true {
            let id = "cgt-\(stamp)-" + String((0..<5).map { _ in alphabet.randomElement()! })
            if !taken.contains(id) { return id }
        }
    }

    // MARK: Retrieve, List, Delete

    private func arkRetrieve(_ id: String) throws(ArkError) -> StubResponse {
        let body = state.withLockedValue { state -> [String: Any]? in
            guard var task = state.ark.tasks[id] else { return nil }
            let configuration = state.configuration.ark
            let before = task.status(configuration)
            if !ArkTask.terminal.contains(before) { task.polls += 1 }
            let after = task.status(configuration)
            if after != before { task.updatedAt = Int(Date().timeIntervalSince1970) }
            state.ark.tasks[id] = task
            return Self.arkBody(task, status: after, state)
        }
        guard let body else { throw Self.taskNotFound(id) }
        return .json(200, body)
    }

    private func arkList(_ items: [URLQueryItem]) throws(ArkError) -> StubResponse {
        let limited = state.withLockedValue { state -> Bool in
            state.ark.listCalls += 1
            let configuration = state.configuration.ark
            guard configuration.listWindow > .zero else { return false }
            let now = ContinuousClock.now
            state.ark.acceptedLists.removeAll { now - $0 >= configuration.listWindow }
            guard state.ark.acceptedLists.count < configuration.listCallsPerWindow else { return true }
            state.ark.acceptedLists.append(now)
            return false
        }
        if limited {
            throw ArkError(
                status: 429, code: "RateLimitExceeded.EndpointRPMExceeded", message: "The request has exceeded the rate limit of the List endpoint.")
        }
        let query = try ArkListQuery(items)
        let (page, total) = state.withLockedValue { state -> ([[String: Any]], Int) in
            let configuration = state.configuration.ark
            let matches = state.ark.tasks.values.sorted { $0.sequence > $1.sequence }
                .map { ($0, $0.status(configuration)) }
                .filter { query.matches($0.0, status: $0.1) }
            let start = min((query.pageNum - 1) * query.pageSize, matches.count)
            let end = min(start + query.pageSize, matches.count)
            return (matches[start..<end].map { Self.arkBody($0.0, status: $0.1, state) }, matches.count)
        }
        return .json(200, ["items": page, "total": total])
    }

    private func arkDelete(_ id: String) throws(ArkError) -> StubResponse {
        let refusal = state.withLockedValue { state -> ArkError? in
            guard var task = state.ark.tasks[id] else { return Self.taskNotFound(id) }
            switch task.status(state.configuration.ark) {
            case "queued":
                task.cancelled = true
                task.updatedAt = Int(Date().timeIntervalSince1970)
                state.ark.tasks[id] = task
            case let status where status == "running" || status == "cancelled":
                return .invalid("id", "the task \(id) is \(status): only a queued task can be cancelled, only a finished one deleted")
            default:
                state.ark.tasks[id] = nil
            }
            return nil
        }
        if let refusal { throw refusal }
        return .json(200, [:])
    }

    private static func taskNotFound(_ id: String) -> ArkError {
        ArkError(status: 404, code: "NotFound.TaskId", message: "The task \(id) was not found.", param: "id")
    }

    private static func arkBody(_ task: ArkTask, status: String, _ state: State) -> [String: Any] {
        let expires = Int(Date().timeIntervalSince1970) + state.configuration.videoURLLifetime
        return task.body(status: status, sparse: state.configuration.ark.sparseUnfinishedBodies) { name in
            "\(state.baseURL)/ark-files/\(name)?expires=\(expires)"
        }
    }

    // MARK: Files

    private func arkFile(_ name: String, _ items: [URLQueryItem]) throws(ArkError) -> StubResponse {
        let isFrame = name.hasSuffix(".last.png")
        let id = String(name.dropLast(isFrame ? ".last.png".count : ".mp4".count))
        let task = state.withLockedValue { state in
            state.ark.tasks[id].flatMap { $0.status(state.configuration.ark) == "succeeded" ? $0 : nil }
        }
        guard isFrame || name.hasSuffix(".mp4"), let task, !isFrame || task.request.returnLastFrame else {
            throw ArkError(status: 404, code: "NoSuchKey", message: "The specified key does not exist.")
        }
        let expires = items.first { $0.name == "expires" }?.value.flatMap { Int($0) } ?? 0
        guard expires > Int(Date().timeIntervalSince1970) else {
            throw ArkError(status: 403, code: "AccessDenied", message: "Request has expired.")
        }
        if isFrame {
            let size = task.size
            return StubResponse(status: 200, contentType: "image/png", body: ArkLastFramePNG.bytes(width: size.width, height: size.height))
        }
        return StubResponse(status: 200, contentType: "video/mp4", body: FakeVideo.bytes)
    }
}

extension ArkTask {
    func status(_ configuration: ArkStubConfiguration) -> String {
        status(queuedPolls: configuration.queuedPolls, runningPolls: configuration.runningPolls)
    }
}
