public import Foundation
public import FrameKit
public import SeedanceAPI

/// A whole batch as one call, for other tools: the checked plan's items are sent through one
/// create throttle, claimed in the state store before they are prepared, polled by one
/// scheduler and downloaded atomically. Running it again over the same manifest and store
/// resumes: nothing is paid twice.
///
/// ```swift
/// let manifest = URL(fileURLWithPath: "shots.jsonl")
/// let lines = try ManifestReader(requestFields: BatchRequestFields.names(of: VideoModel.builtIn)).read(contentsOf: manifest)
/// let plan = BatchPlanner(defaults: ["resolution": .string("720p")], outputDirectory: videos).plan(lines)
/// guard plan.errors.isEmpty else { return }
/// let store = try SQLiteTaskStore.openDefault()
/// let summary = try await SeedanceClient.withClient(SeedanceBatch.configuration(.fromEnvironment())) { client in
///     try await SeedanceBatch(manifest: manifest, store: store, options: BatchRunOptions(maxSpendUSD: 20))
///         .run(plan, client: client) { progress in print(progress[.downloaded], "of", progress.total) }
/// }
/// print(summary.outcome, summary.spentUSD)
/// ```
public struct SeedanceBatch: Sendable {
    public var manifest: URL
    public var store: any TaskStore
    /// Its policy, fetcher and no-fix rule apply to every item (fix options are each line's).
    public var submitter: VideoSubmitter
    public var throttle: CreateThrottle
    public var options: BatchRunOptions
    /// Keeps what the run prepares for a report written after it (nil: no report).
    public var reportRecorder: BatchReportRecorder?

    public init(
        manifest: URL, store: any TaskStore, submitter: VideoSubmitter = VideoSubmitter(policy: .seedance),
        throttle: CreateThrottle = CreateThrottle(), options: BatchRunOptions = BatchRunOptions()
    ) {
        self.manifest = manifest
        self.store = store
        self.submitter = submitter
        self.throttle = throttle
        self.options = options
    }

    /// The client configuration a batch needs: creates tried once, so every 429 reaches the throttle.
    public static func configuration(_ configuration: SeedanceClient.Configuration) -> SeedanceClient.Configuration {
        ClientBatchCreator.batchConfiguration(configuration)
    }

    /// The batch's id in the store: one per manifest file.
    public var batchID: String { StoreBatchLedger.batchID(forManifestAt: manifest) }

    /// Runs every item of `plan` to its end, reporting progress as it goes.
    /// - Throws: ``SeedanceKitError`` when it refuses to start (nothing sent).
    public func run(
        _ plan: BatchPlan, client: SeedanceClient,
        progress: @escaping @Sendable (BatchRunProgress) async -> Void = { _ in }
    ) async throws(SeedanceKitError) -> BatchRunSummary {
        let runner = BatchRunner(
            preparer: SubmitterPreparer(submitter: submitter, recorder: reportRecorder),
            creator: ClientBatchCreator(client: client, store: store, batchID: batchID),
            ledger: StoreBatchLedger(store: store, batchID: batchID, manifestPath: manifest.path),
            watcher: PollSchedulerWatcher(provider: client.provider), downloader: ClientVideoDownloader(client: client),
            gate: throttle, options: options)
        let items = plan.items.map {
            BatchItem(id: $0.id, line: $0.line, payload: $0, output: $0.output, estimatedCostUSD: $0.estimate.usd)
        }
        let reporter = Task {
            for await snapshot in runner.progress { await progress(snapshot) }
        }
        defer { reporter.cancel() }
        let summary = try await runner.run(items)
        await reporter.value
        return summary
    }
}
