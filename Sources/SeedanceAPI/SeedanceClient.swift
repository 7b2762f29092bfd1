internal import AsyncHTTPClient
public import Foundation
public import Logging
internal import NIOCore
internal import NIOFoundationCompat
internal import NIOHTTP1

/// Talks to novita.ai's Seedance endpoints: the model's create call, task-result, downloads.
///
/// Owns an `HTTPClient`: call ``shutdown()`` when done, or use ``withClient(_:timeSource:logger:_:)``.
/// The API key goes only into the `Authorization` header of provider calls; it is never
/// logged, never put in an error, and never sent to download URLs.
public final class SeedanceClient: Sendable {
    public static let taskResultPath = "/v3/async/task-result"

    public let configuration: Configuration
    let httpClient: HTTPClient
    let timeSource: TimeSource
    let logger: Logger

    public init(
        configuration: Configuration,
        timeSource: TimeSource = .system,
        logger: Logger = Logger(label: "seedance", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.timeSource = timeSource
        self.logger = logger
        var http = HTTPClient.Configuration(
            timeout: .init(connect: TimeAmount(configuration.connectTimeout), read: TimeAmount(configuration.readTimeout)))
        // We retry ourselves, and only where money allows; AHC's own reconnect loop would hide
        // the "never connected" proof behind a generic timeout.
        http.connectionPool.retryConnectionEstablishment = false
        http.redirectConfiguration = .disallow
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    public func shutdown() async throws {
        try await httpClient.shutdown()
    }

    /// Runs `body` with a client and shuts the client down afterwards, whatever happens.
    public static func withClient<Result: Sendable>(
        _ configuration: Configuration,
        timeSource: TimeSource = .system,
        logger: Logger = Logger(label: "seedance", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (SeedanceClient) async throws -> Result
    ) async throws -> Result {
        let client = SeedanceClient(configuration: configuration, timeSource: timeSource, logger: logger)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Validates, records and sends the create call; returns the provider's task id.
    ///
    /// Before the POST, `store` is consulted and the intent committed, in one transaction: the
    /// same request (fingerprint) for the same `model` and base URL recorded in the last 24 h in
    /// a state that may be paid for is refused (``DuplicateRule``), unless `allowDuplicate`. The
    /// POST is repeated only after a provable refusal (no connection, 429, 503), within
    /// `configuration.submitRetry`.
    ///
    /// - Parameters:
    ///   - batchItem: the batch item this submission is for; the store links them in the intent's transaction.
    /// - Throws: ``SeedanceError``: `.invalidRequest` (nothing sent), `.duplicateRequest` (nothing
    ///   sent), `.stateStore` (intent not recorded; nothing sent), `.provider` (refused),
    ///   `.outcomeUnknown` (do not resubmit blindly: check `seedance tasks` / `seedance status`), `.unreachable`.
    public func submit(
        _ request: GenerationRequest, inputs: [TaskInput] = [], store: (any TaskStore)? = nil,
        allowDuplicate: Bool = false, batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> Submission {
        let body: RequestBody
        do {
            body = try RequestBody(request)
        } catch {
            throw SeedanceError(.invalidRequest(error), "request not sent")
        }
        return try await submit(
            body, inputs: inputs, store: store, allowDuplicate: allowDuplicate,
            batchItem: batchItem, estimatedCostUSD: estimatedCostUSD)
    }

    /// Sends a body already laid out (and so validated), streaming each frame's base64 as it goes;
    /// the duplicate rule and the intent row work as in ``submit(_:inputs:store:allowDuplicate:batchItem:estimatedCostUSD:)``.
    public func submit(
        _ body: RequestBody, inputs: [TaskInput] = [], store: (any TaskStore)? = nil,
        allowDuplicate: Bool = false, batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> Submission {
        let fingerprint = body.fingerprint
        let model = body.model
        let intentID = UUID().uuidString.lowercased()
        let baseURL = configuration.baseURL.absoluteString
        if let store {
            let now = Date()
            let intent = TaskRecord(
                intentID: intentID, createdAt: now, model: model, baseURL: baseURL, fingerprint: fingerprint,
                inputs: inputs, estimatedCostUSD: estimatedCostUSD, batchItem: batchItem)
            let outcome: IntentOutcome
            do throws(StateStoreError) {
                outcome = try await store.recordIntent(intent, duplicatesSince: allowDuplicate ? nil : DuplicateRule.windowStart(at: now))
            } catch {
                throw SeedanceError(.stateStore(error), "could not record the intent, so nothing was sent")
            }
            if case .duplicate(let earlier) = outcome {
                throw SeedanceError(.duplicateRequest(earlier: earlier), DuplicateRule.message(earlier: earlier), intentID: earlier.intentID)
            }
        }

        var post = authorizedRequest(url: configuration.endpoint(body.endpoint))
        post.method = .POST
        post.headers.add(name: "Content-Type", value: "application/json")
        // A fresh pass over the chunks per attempt: a retry sends the same bytes, encoded again.
        post.body = .stream(body.chunks().map(\.buffer), length: .known(Int64(body.length)))
        logger.info("submitting", metadata: ["intent": "\(intentID)", "model": "\(body.model)", "bytes": "\(body.length)"])

        let result = await exchange.perform(post, policy: configuration.submitRetry, classify: SubmitFailureClassifier.decide)
        switch result {
        case .accepted(let answer, let attempts):
            guard let taskID = Self.taskID(in: answer.body) else {
                return try await fail(
                    store, intentID, .unknown,
                    SeedanceError(
                        .outcomeUnknown,
                        "the provider accepted the request (HTTP \(answer.status)) but its answer held no task id; a paid task may exist. Check `seedance tasks` before submitting again",
                        intentID: intentID))
            }
            var problem: String?
            do {
                try await store?.recordAnswer(intentID: intentID, creation: .created, taskID: taskID, reason: nil, at: Date())
            } catch {
                problem = "task \(taskID) was created but not recorded: \(error)"
                logger.error("task id not recorded", metadata: ["task": "\(taskID)", "error": "\(error)"])
            }
            return Submission(
                taskID: taskID, intentID: intentID, fingerprint: fingerprint, model: body.model, attempts: attempts, storeProblem: problem)
        case .refused(let answer, _):
            let providerError = redacted(ProviderError(answer))
            // A 429 or 503 still answered after the last try provably took nothing.
            let creation = SubmitFailureClassifier.creation(.response(status: answer.status, retryAfter: answer.retryAfter))
            return try await fail(
                store, intentID, creation,
                SeedanceError(
                    .provider(providerError), "the provider refused the request", intentID: intentID), reason: providerError.reason)
        case .outcomeUnknown(let failure, let status, _):
            let what = status.map { "the provider answered HTTP \($0)" } ?? Self.describe(failure)
            return try await fail(
                store, intentID, .unknown,
                SeedanceError(
                    .outcomeUnknown,
                    "\(what) after the request was sent; a paid task may or may not exist, so it was not resubmitted. Intent \(intentID); check `seedance tasks`, then `seedance status TASK_ID`",
                    intentID: intentID))
        case .unreachable(let text, let attempts):
            // Every attempt ended before sending (the classifier retries nothing else).
            return try await fail(
                store, intentID, SubmitFailureClassifier.creation(.transport(.notConnected)),
                SeedanceError(
                    .unreachable, "could not connect to \(baseURL) after \(attempts) attempt(s), nothing was sent: \(redacted(text))",
                    intentID: intentID), reason: "UNREACHABLE")
        }
    }

    /// Asks task-result about one task, retrying transient failures.
    ///
    /// - Throws: ``SeedanceError``: `.provider` (e.g. `TASK_NOT_FOUND`), `.malformedResponse`, `.unreachable`.
    public func taskResult(id taskID: String) async throws -> TaskResult {
        let query = "task_id=" + (taskID.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+", "#"])) ?? taskID)
        let get = authorizedRequest(url: configuration.endpoint(Self.taskResultPath, query: query))
        switch await exchange.perform(get, policy: configuration.readRetry, classify: ReadFailureClassifier.decide) {
        case .accepted(let answer, _):
            return try TaskResult(json: Data(buffer: answer.body))
        case .refused(let answer, _):
            throw SeedanceError(.provider(redacted(ProviderError(answer))), "task-result for \(taskID) failed")
        case .outcomeUnknown(_, _, let attempts), .unreachable(_, let attempts):
            throw SeedanceError(
                .unreachable, "could not reach \(configuration.baseURL.absoluteString) for task \(taskID) after \(attempts) attempt(s)")
        }
    }

    /// A poller that asks this client, with its time source.
    public func poller(schedule: PollSchedule = .standard) -> TaskPoller {
        TaskPoller(schedule: schedule, timeSource: timeSource) { [self] taskID in try await taskResult(id: taskID) }
    }

    /// A downloader for result URLs. It never sends the API key.
    public var downloader: VideoDownloader {
        VideoDownloader(httpClient: httpClient, retry: configuration.readRetry, timeSource: timeSource)
    }

    /// Saves the first video of a finished task, asking task-result for a fresh URL if the one given has expired.
    @discardableResult
    public func downloadVideo(of result: TaskResult, to destination: URL, force: Bool = false) async throws -> URL {
        guard let url = result.videos.first?.url else {
            throw SeedanceError(.malformedResponse, "task \(result.taskID) succeeded but task-result lists no video")
        }
        let taskID = result.taskID
        return try await downloader.download(from: url, to: destination, force: force) { [self] in
            try await taskResult(id: taskID).videos.first?.url
        }
    }

    var exchange: HTTPExchange {
        HTTPExchange(httpClient: httpClient, timeSource: timeSource)
    }

    private func authorizedRequest(url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: SeedanceVersion.userAgent)
        return request
    }

    /// Records how a submission ended without a task id, then throws `error`.
    private func fail(
        _ store: (any TaskStore)?, _ intentID: String, _ creation: TaskCreation, _ error: SeedanceError, reason: String? = nil
    ) async throws -> Submission {
        do {
            try await store?.recordAnswer(intentID: intentID, creation: creation, taskID: nil, reason: reason, at: Date())
        } catch {
            // The intent row stays; it reads as "may be paid", which is the safe side.
            logger.error("store not updated", metadata: ["intent": "\(intentID)", "error": "\(error)"])
        }
        throw error
    }

    /// Text that came from elsewhere loses any copy of the key before it reaches a message.
    private func redacted(_ text: String) -> String {
        // A very short test key would match ordinary words; real keys are long.
        guard configuration.apiKey.count >= 8 else { return text }
        return text.replacingOccurrences(of: configuration.apiKey, with: "<redacted>")
    }

    private func redacted(_ error: ProviderError) -> ProviderError {
        var error = error
        error.reason = redacted(error.reason)
        error.message = redacted(error.message)
        return error
    }

    private static func taskID(in body: ByteBuffer) -> String? {
        struct Wire: Decodable {
            var taskID: String
            enum CodingKeys: String, CodingKey { case taskID = "task_id" }
        }
        guard let id = try? JSONDecoder().decode(Wire.self, from: body).taskID, !id.isEmpty else { return nil }
        return id
    }

    private static func describe(_ failure: TransportFailure?) -> String {
        switch failure {
        case .readTimeout: "no answer came within the read timeout"
        case .connectionClosed: "the connection dropped"
        default: "the call failed"
        }
    }
}
