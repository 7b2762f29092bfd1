import ArgumentParser
import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Turn a manifest of shots into videos, within a rate limit and a budget, resumable after a crash.",
        discussion: """
            MANIFEST is JSON Lines (one object a line) or CSV with a header. Keys: id (default: the line \
            number), first (required), last, prompt, model, output (default DIR/<id>.mp4), and any request \
            field by its API name (duration, resolution, ratio, seed, generate_audio, ...). Paths are relative \
            to the manifest's folder. The request options below are defaults a line overrides.

            Every line is checked before anything is sent. Running the same command again resumes: items \
            with a task are polled, not sent again; items whose outcome is unknown are reported, never resent.

            Exit: 0 all downloaded, 3 some failed, 4 some outcome unknown, 5 time ran out with tasks running \
            (run the same command again), 7 stopped at --max-spend, 64 invalid manifest or usage, \
            2 an unusable input, 74 the state store failed or the report could not be written.

            --report DIR writes DIR/index.html (with DIR/thumbs/): one row per manifest line with its \
            frames (original and as sent), plan, request, estimate and problems; after a run also its state, \
            task id, cost and video. Static HTML with relative links: open it offline.
            """
    )

    @Argument(help: "The manifest: .jsonl or .csv.")
    var manifest: String
    @Option(help: ArgumentHelp("Where videos go (DIR/<id>.mp4 unless a line names its output).", valueName: "DIR"))
    var outputDir: String
    @OptionGroup(title: "Model (for lines without one)") var modelOption: ModelOption
    /// `submit`'s request options, as the defaults a line's own fields override.
    @OptionGroup(title: "Request defaults (a line's own value wins)") var defaults: RequestOptions
    @OptionGroup(title: "Fix") var fixOptions: FixOptionsGroup
    @OptionGroup(title: "Rules") var rules: PolicyOptions
    @OptionGroup(title: "Provider") var api: APIOptions
    @Option(
        help: ArgumentHelp(
            "Create calls per minute (default \(CreateThrottle.defaultRatePerMinute): half novita's ~20 RPM for video models).", valueName: "N"))
    var rpm = CreateThrottle.defaultRatePerMinute
    @Option(help: ArgumentHelp("Tasks queued or running at the provider at once.", valueName: "N"))
    var maxInFlight = CreateThrottle.defaultMaxInFlight
    @Option(help: ArgumentHelp("Stop submitting before the estimated spend would pass this (USD).", valueName: "USD"))
    var maxSpend: Double?
    @Option(help: ArgumentHelp("Frames prepared at once (default: the machine's cores).", valueName: "N"))
    var workers: Int?
    @Flag(help: "Send again the items that failed in an earlier run.")
    var retryFailed = false
    @Flag(help: "Run the valid lines and report the invalid ones, instead of sending nothing.")
    var skipInvalid = false
    @Flag(help: "Refuse a frame that breaks the rules instead of fixing it.")
    var noFix = false
    @Flag(help: "Check every line and print its plan and estimate; send nothing (no API key needed).")
    var dryRun = false
    @Option(help: ArgumentHelp("Stop after this many seconds (exit 5; run the same command again to resume).", valueName: "SECONDS"))
    var timeout: Int?
    @Flag(help: "Print one JSON document on stdout at the end.")
    var json = false
    @Option(help: ArgumentHelp("Write an HTML report of every line into DIR (DIR/index.html), after the dry run or the run.", valueName: "DIR"))
    var report: String?

    func validate() throws {
        // A batch plans each line against novita's model rows; Ark's rows, the resolution of
        // unknown outcomes through its task list and its queue cap come with issue 18's batch part.
        guard api.registration.api == ProviderRegistry.default.api else {
            let provider = api.registration.id
            throw ValidationError(
                "--provider \(provider): batches run on \(ProviderRegistry.default.id) only in this version; "
                    + "submit Ark tasks one by one with `seedance submit --provider \(provider)`")
        }
        guard rpm >= 1 else { throw ValidationError("--rpm must be at least 1") }
        guard maxInFlight >= 1 else { throw ValidationError("--max-in-flight must be at least 1") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if let maxSpend, !(maxSpend > 0) || !maxSpend.isFinite { throw ValidationError("--max-spend must be a positive amount of USD") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        try reportOutput?.checkWritable()
    }

    func run() async throws {
        let (read, plan) = try readPlan()
        // Frames are prepared in worker processes (as many as preparers run at once): a crash of
        // the image library fails its item, never the batch.
        try await ContainedPreparation.run(makeSubmitter(), workers: BatchRunOptions(preparers: workers).preparers) { submitter in
            let refused = !plan.errors.isEmpty && !skipInvalid || plan.items.isEmpty
            // The report of a manifest that is refused shows every line's problem: that is when it helps most.
            if dryRun || refused { try await writeReport(plan, manifest: read, submitter: submitter) }
            try refuseInvalid(plan)
            if dryRun {
                try printDryRun(plan)
                return
            }
            try await runBatch(plan, manifest: read, submitter: submitter)
        }
    }

    private var reportOutput: BatchReportOutput? { report.map(BatchReportOutput.init) }

    private func writeReport(
        _ plan: BatchPlan, manifest read: Manifest, summary: BatchRunSummary? = nil, recorded: BatchReportRecorder? = nil,
        submitter: VideoSubmitter
    ) async throws {
        try await reportOutput?.write(
            plan, manifest: read, summary: summary, recorded: recorded, submitter: submitter, workers: workers,
            title: URL(fileURLWithPath: manifest).lastPathComponent)
    }

    /// Reads and checks the manifest; throws the exit code when it cannot be read.
    private func readPlan() throws -> (Manifest, BatchPlan) {
        let manifestURL = URL(fileURLWithPath: manifest)
        let read: Manifest
        do {
            read = try ManifestReader(requestFields: BatchRequestFields.names(of: VideoModel.builtIn + [modelOption.model]))
                .read(contentsOf: manifestURL)
        } catch {
            if json { try JSONOutput.print(BatchDryRunDocument(plan: BatchPlan(items: [], errors: [error]))) }
            Terminal.diagnostic("seedance: \(error)")
            throw error.kind == .unreadable ? ExitStatus.unusableInput.exitCode : ExitStatus.usage.exitCode
        }
        let rules = self.rules
        let planner = BatchPlanner(
            defaults: defaults.parameters.values.mapValues(ManifestValue.init), model: modelOption.model,
            outputDirectory: URL(fileURLWithPath: outputDir).standardizedFileURL,
            fixOptions: fixOptions.options()
        ) { model throws(ModelFileError) in try rules.policy(for: model) }
        let plan = planner.plan(read)
        for error in plan.errors { Terminal.diagnostic("seedance: manifest: \(error)") }
        return (read, plan)
    }

    /// Throws the exit code when nothing may be sent.
    private func refuseInvalid(_ plan: BatchPlan) throws {
        if !plan.errors.isEmpty {
            let lines = plan.invalidLines.map(String.init).joined(separator: ", ")
            if !skipInvalid {
                if json { try JSONOutput.print(BatchDryRunDocument(plan: plan)) }
                Terminal.diagnostic(
                    "seedance: \(plan.errors.count) problem(s) in the manifest (lines \(lines)); nothing was sent. Fix them, or pass --skip-invalid to run the other lines"
                )
                throw (plan.onlyFramesUnusable ? ExitStatus.unusableInput : ExitStatus.usage).exitCode
            }
            Terminal.diagnostic("seedance: skipping invalid line(s) \(lines)")
        }
        guard !plan.items.isEmpty else {
            if json { try JSONOutput.print(BatchDryRunDocument(plan: plan)) }
            Terminal.diagnostic("seedance: no valid line in the manifest; nothing was sent")
            throw (plan.onlyFramesUnusable ? ExitStatus.unusableInput : ExitStatus.usage).exitCode
        }
    }

    private func printDryRun(_ plan: BatchPlan) throws {
        if json {
            try JSONOutput.print(BatchDryRunDocument(plan: plan))
        } else {
            for item in plan.items { Terminal.result(BatchPlanReport.describe(item)) }
            Terminal.result(BatchPlanReport.total(plan))
        }
        Terminal.diagnostic("dry run: \(plan.items.count) item(s) checked; nothing was sent")
    }

    /// The settings every line is prepared with: the run's, and the report's.
    private func makeSubmitter() -> VideoSubmitter {
        VideoSubmitter(
            model: modelOption.model, policy: rules.policy(for: modelOption), fixOptions: fixOptions.options(), fixesFrames: !noFix,
            fetcher: RemoteImageFetcher(
                configuration: .init(
                    maxBytes: rules.maxInputBytes, allowsPrivateAddresses: rules.allowPrivateURLs || Environment.allowsPrivateURLs)))
    }

    private func runBatch(_ plan: BatchPlan, manifest read: Manifest, submitter: VideoSubmitter) async throws {
        let configuration = try api.reportedConfiguration()
        let store = try StateStoreAccess.open()
        let manifestURL = URL(fileURLWithPath: manifest).standardizedFileURL
        // The report after the run shows the frames the run prepared: recorded as they are made.
        let recorder = try reportOutput?.recorder(policy: submitter.policy)
        var batch = SeedanceBatch(
            manifest: manifestURL, store: store, submitter: submitter,
            throttle: CreateThrottle(ratePerMinute: rpm, maxInFlight: maxInFlight),
            options: BatchRunOptions(preparers: workers, maxSpendUSD: maxSpend, retryFailed: retryFailed, deadline: timeout.map { .seconds($0) }))
        batch.reportRecorder = recorder
        Terminal.diagnostic("batch \(batch.batchID): \(plan.items.count) item(s), estimated \(plan.total); state in \(store.location)")
        let display = BatchStatusDisplay(live: Terminal.stderrIsTerminal, estimate: plan.total)
        let summary: BatchRunSummary
        do {
            summary = try await SeedanceClient.withClient(SeedanceBatch.configuration(configuration)) { client in
                try await batch.run(plan, client: client) { progress in await display.show(progress) }
            }
        } catch {
            throw ExitStatus.reporting(error)
        }
        await display.finish()
        let status = ExitStatus(summary.outcome)
        report(summary, status: status)
        try await writeReport(plan, manifest: read, summary: summary, recorded: recorder, submitter: submitter)
        if status != .success { throw status.exitCode }
    }

    private func report(_ summary: BatchRunSummary, status: ExitStatus) {
        if json {
            do {
                try JSONOutput.print(BatchRunDocument(summary: summary, exitCode: status.rawValue))
            } catch {
                // The run is over and its state is in the store: said here, the exit code stays the run's.
                Terminal.diagnostic("seedance: the JSON summary could not be written: \(error)")
            }
        } else {
            for item in summary.items {
                Terminal.result([item.id, item.state.rawValue, item.taskID ?? "-", item.output ?? "-"].joined(separator: "\t"))
            }
        }
        for item in summary.items where item.error != nil {
            Terminal.diagnostic("seedance: line \(item.line) (\(item.id)): \(item.state.rawValue): \(item.error ?? "")")
        }
        if let stop = summary.stop { Terminal.diagnostic("seedance: \(stop)") }
        let spent = String(format: "%.2f", summary.spentUSD)
        Terminal.diagnostic("seedance: \(summary.outcome.rawValue), estimated spend ≈ USD \(spent) (estimate)")
        if let rate = summary.preparation.framesPerSecond {
            Terminal.diagnostic(
                "seedance: prepared \(summary.preparation.frames) frame(s) in \(String(format: "%.2f", summary.preparation.seconds)) s (\(String(format: "%.1f", rate)) frames/s)"
            )
        }
        if summary.outcome == .stillRunning || summary.outcome == .stoppedAtCap {
            Terminal.diagnostic("seedance: to resume, run: " + CommandLine.arguments.map(Terminal.shellQuoted).joined(separator: " "))
        }
    }
}
