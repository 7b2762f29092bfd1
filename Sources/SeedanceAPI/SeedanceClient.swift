public import Foundation
public import Logging
public import SeedanceCore
public import SeedanceProviders

/// The client other tools use: one provider behind the seam, and the pay-once ledger above it.
///
/// A create call is recorded as an intent in the store before anything is sent, and its
/// ``CreationOutcome`` after, so one paid task per intent holds across crashes and processes
/// whatever the provider. Owns its transport: call ``shutdown()`` when done, or use
/// ``withClient(_:timeSource:logger:_:)``. The API key goes only into the provider's calls; it is
/// never logged, never put in an error, and never sent to download URLs.
public final class SeedanceClient: Sendable {
    public let configuration: Configuration
    /// The provider behind the seam.
    public let provider: any VideoProvider
    let transport: any HTTPTransport
    let ownedTransport: AsyncHTTPClientTransport?
    let timeSource: TimeSource
    let logger: Logger

    /// A client for the configured provider over a transport of its own.
    ///
    /// - Throws: ``SeedanceError`` of kind `.invalidConfiguration` for a provider this build does not serve.
    public convenience init(
        configuration: Configuration,
        timeSource: TimeSource = .system,
        logger: Logger = Logger(label: "seedance", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(SeedanceError) {
        guard let registration = ProviderRegistry.registration(for: configuration.provider) else {
            throw SeedanceError(
                .invalidConfiguration,
                "provider \"\(configuration.provider)\" is not one this build serves (\(ProviderRegistry.names.joined(separator: ", ")))")
        }
        let transport = AsyncHTTPClientTransport(
            configuration: .init(connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout))
        self.init(
            configuration: configuration, transport: transport, owned: transport,
            provider: registration.make(configuration.providerConfiguration, transport, timeSource),
            timeSource: timeSource, logger: logger)
    }

    /// A client over a provider and transport the caller owns (tests, embedders with their own transport).
    public convenience init(
        provider: any VideoProvider, transport: any HTTPTransport, timeSource: TimeSource = .system,
        logger: Logger = Logger(label: "seedance", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        let settings = provider.configuration
        self.init(
            configuration: Configuration(
                provider: provider.id, baseURL: settings.baseURL, apiKey: settings.apiKey, submitRetry: settings.submitRetry,
                readRetry: settings.readRetry),
            transport: transport, owned: nil, provider: provider, timeSource: timeSource, logger: logger)
    }

    private init(
        configuration: Configuration, transport: any HTTPTransport, owned: AsyncHTTPClientTransport?, provider: any VideoProvider,
        timeSource: TimeSource, logger: Logger
    ) {
        self.configuration = configuration
        self.transport = transport
        ownedTransport = owned
        self.provider = provider
        self.timeSource = timeSource
        self.logger = logger
    }

    public func shutdown() async throws {
        try await ownedTransport?.shutdown()
    }

    /// Runs `body` with a client and shuts the client down afterwards, whatever happens.
    public static func withClient<Result: Sendable>(
        _ configuration: Configuration,
        timeSource: TimeSource = .system,
        logger: Logger = Logger(label: "seedance", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (SeedanceClient) async throws -> Result
    ) async throws -> Result {
        let client = try SeedanceClient(configuration: configuration, timeSource: timeSource, logger: logger)
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        do {
            try await client.shutdown()
        } catch {
            // Only a second shutdown fails, and this function shuts down once.
            logger.error("client shut down twice", metadata: ["error": "\(error)"])
        }
        return try result.get()
    }

    /// The provider's exact body for `request`.
    ///
    /// - Throws: ``SeedanceError`` of kind `.invalidRequest`; nothing was sent.
    public func body(for request: GenerationRequest) throws(SeedanceError) -> RequestBody {
        do {
            return try provider.body(for: request)
        } catch {
            throw SeedanceError(.invalidRequest(error), "request not sent")
        }
    }

    /// Validates, records and sends the create call; returns the provider's task id.
    ///
    /// Before the call, `store` is consulted and the intent committed, in one transaction: the
    /// same request (fingerprint) for the same `model` and base URL recorded in the last 24 h in
    /// a state that may be paid for is refused (``DuplicateRule``), unless `allowDuplicate`.
    /// The provider repeats the call only after a provable refusal.
    ///
    /// - Parameters:
    ///   - batchItem: the batch item this submission is for; the store links them in the intent's transaction.
    /// - Throws: ``SeedanceError``: `.invalidRequest` (nothing sent), `.duplicateRequest` (nothing
    ///   sent), `.stateStore` (intent not recorded; nothing sent), `.provider` (refused),
    ///   `.outcomeUnknown` (do not resubmit blindly), `.unreachable`.
    public func submit(
        _ request: GenerationRequest, inputs: [TaskInput] = [], store: (any TaskStore)? = nil,
        allowDuplicate: Bool = false, batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> Submission {
        try await submit(
            body(for: request), inputs: inputs, store: store, allowDuplicate: allowDuplicate,
            batchItem: batchItem, estimatedCostUSD: estimatedCostUSD)
    }

    /// Sends a body already laid out (and so validated), streaming each frame's base64 as it goes;
    /// the duplicate rule and the intent row work as in ``submit(_:inputs:store:allowDuplicate:batchItem:estimatedCostUSD:)``.
    public func submit(
        _ body: RequestBody, inputs: [TaskInput] = [], store: (any TaskStore)? = nil,
        allowDuplicate: Bool = false, batchItem: BatchItemKey? = nil, estimatedCostUSD: Double? = nil
    ) async throws -> Submission {
        let intentID = UUID().uuidString.lowercased()
        if let store {
            let now = Date()
            var intent = TaskRecord(
                intentID: intentID, createdAt: now, model: body.model, provider: provider.id.rawValue,
                baseURL: configuration.baseURL.absoluteString,
                fingerprint: body.fingerprint, inputs: inputs, estimatedCostUSD: estimatedCostUSD, batchItem: batchItem)
            intent.echo = body.echo
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
        logger.info(
            "submitting", metadata: ["intent": "\(intentID)", "provider": "\(provider.id)", "model": "\(body.model)", "bytes": "\(body.length)"])
        switch await provider.createTask(body) {
        case .created(let taskID, let attempts):
            var problem: String?
            do {
                try await store?.recordAnswer(intentID: intentID, creation: .created, taskID: taskID, reason: nil, at: Date())
            } catch {
                problem = "task \(taskID) was created but not recorded: \(error)"
                logger.error("task id not recorded", metadata: ["task": "\(taskID)", "error": "\(error)"])
            }
            return Submission(
                taskID: taskID, intentID: intentID, fingerprint: body.fingerprint, model: body.model, attempts: attempts,
                storeProblem: problem)
        case .failed(let creation, var error, let reason):
            error.intentID = intentID
            do {
                try await store?.recordAnswer(intentID: intentID, creation: creation, taskID: nil, reason: reason, at: Date())
            } catch {
                // The intent row stays; it reads as "may be paid", which is the safe side.
                logger.error("store not updated", metadata: ["intent": "\(intentID)", "error": "\(error)"])
            }
            throw error
        }
    }

    /// Reads one task through the provider, retrying transient failures.
    ///
    /// - Throws: ``SeedanceError``: `.provider` (e.g. task not found), `.malformedResponse`, `.unreachable`.
    public func task(id taskID: String) async throws(SeedanceError) -> TaskSnapshot {
        try await provider.task(id: taskID)
    }

    /// A poller that asks this client's provider, with its time source.
    public func poller(schedule: PollSchedule = .standard) -> TaskPoller {
        TaskPoller(schedule: schedule, timeSource: timeSource) { [provider] taskID in try await provider.task(id: taskID) }
    }

    /// A downloader for result URLs. It never sends the API key.
    public var downloader: VideoDownloader {
        VideoDownloader(transport: transport, retry: configuration.readRetry, timeSource: timeSource)
    }

    /// Saves the last frame a finished task returned (asked for with `return_last_frame`),
    /// reading the task again for a fresh URL if the one given has expired; nil when it has none.
    @discardableResult
    public func downloadLastFrame(of snapshot: TaskSnapshot, to destination: URL, force: Bool = false) async throws -> URL? {
        guard let url = snapshot.lastFrameURL else { return nil }
        let taskID = snapshot.taskID
        return try await downloader.download(from: url, to: destination, force: force, content: .image) { [provider] in
            try await provider.task(id: taskID).lastFrameURL
        }
    }

    /// Saves the first video of a finished task, reading the task again for a fresh URL if the one given has expired.
    @discardableResult
    public func downloadVideo(of snapshot: TaskSnapshot, to destination: URL, force: Bool = false) async throws -> URL {
        guard let url = snapshot.videos.first?.url else {
            throw SeedanceError(.malformedResponse, "task \(snapshot.taskID) succeeded but its answer lists no video")
        }
        let taskID = snapshot.taskID
        return try await downloader.download(from: url, to: destination, force: force) { [provider] in
            try await provider.task(id: taskID).videos.first?.url
        }
    }
}
