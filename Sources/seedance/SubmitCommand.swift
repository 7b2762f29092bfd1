import ArgumentParser
import FrameKit
import Foundation
import SeedanceAPI
import SeedanceKit

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Fix the frames, submit one paid task, and optionally wait for the video.",
        discussion: """
        The create call is sent once: it is retried only when the server provably did not take it. \
        Every attempt is recorded in the state store (see `seedance tasks`) before it is sent. \
        The same request for the same model and base URL sent in the last 24 h (and not failed or \
        refused) is refused with exit 6, nothing sent, unless --allow-duplicate.
        """
    )

    @Argument(help: "The first frame: a path, '-', an http(s) URL or a data: URI.")
    var first: String
    @Option(help: "The last frame.")
    var last: String?
    @OptionGroup(title: "Request") var request: RequestOptions
    @OptionGroup(title: "Fix") var fixOptions: FixOptionsGroup
    @OptionGroup(title: "Rules") var rules: PolicyOptions
    @OptionGroup(title: "Provider") var api: APIOptions
    @Flag(help: "Refuse (exit 1) a frame that breaks the rules instead of fixing it.")
    var noFix = false
    @Flag(help: "Build and validate the exact body, and send nothing.")
    var dryRun = false
    @Option(help: ArgumentHelp("With --dry-run: write the body here.", valueName: "FILE"))
    var requestOut: String?
    @Flag(help: "Pay again for a request already sent in the last 24 h (refused with exit 6 otherwise).")
    var allowDuplicate = false
    @Flag(help: "Wait for the task and download the video.")
    var wait = false
    @OptionGroup(title: "With --wait") var waiting: WaitOptions
    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func validate() throws {
        if requestOut != nil && !dryRun { throw ValidationError("--request-out goes with --dry-run") }
        if (waiting.output != nil || waiting.timeout != nil) && !wait { throw ValidationError("--output and --timeout go with --wait") }
        if let output = waiting.output, !waiting.force, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("\(output) exists; pass --force to replace it")
        }
    }

    func run() async throws {
        for warning in request.warnings { Terminal.diagnostic("seedance: warning: \(warning)") }
        let submitter = VideoSubmitter(policy: rules.policy, fixOptions: fixOptions.options(ratio: request.ratio, resolution: request.resolution), fixesFrames: !noFix,
                                       fetcher: RemoteImageFetcher(configuration: .init(maxBytes: rules.maxInputBytes, allowsPrivateAddresses: rules.allowPrivateURLs || Environment.allowsPrivateURLs)))
        let firstSource = FrameSource(argument: first)
        let lastSource = last.map(FrameSource.init(argument:))
        if dryRun {
            try await runDry(submitter, first: firstSource, last: lastSource)
            return
        }
        let configuration: SeedanceClient.Configuration
        do {
            configuration = try api.configuration()
        } catch {
            throw ExitStatus.reporting(error)
        }
        // Opened before any frame work: without a store nothing may be sent (exit 74).
        let store = try StateStoreAccess.open()
        let submission: Submission
        let frames: [RequestFrame]
        do {
            (submission, frames) = try await SeedanceClient.withClient(configuration) { client in
                try await submitter.submit(first: firstSource, last: lastSource, template: request.template, client: client,
                                           store: store, allowDuplicate: allowDuplicate)
            }
        } catch {
            throw Self.exit(for: error)
        }
        if let problem = submission.storeProblem { Terminal.diagnostic("seedance: warning: \(problem)") }
        Terminal.diagnostic("submitted task \(submission.taskID) (intent \(submission.intentID), \(store.location))")
        if wait {
            var arguments = [submission.taskID] + api.commandLineArguments + waiting.commandLineArguments
            if json { arguments.append("--json") }
            let waitCommand = try WaitCommand.parse(arguments)
            try await waitCommand.run()
            return
        }
        if json {
            try JSONOutput.print(snakeCase: true, SubmitDocument(submission: submission, frames: frames))
        } else {
            Terminal.result(submission.taskID)
        }
    }

    private func runDry(_ submitter: VideoSubmitter, first: FrameSource, last: FrameSource?) async throws {
        do {
            let frames = try await submitter.prepareFrames(first: first, last: last)
            let clock = ContinuousClock()
            let start = clock.now
            let built = submitter.request(from: request.template, frames: frames)
            let body = try built.encodedBody()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            Terminal.diagnostic(String(format: "body built in %.1f ms (%.0f MB/s, data URIs included)",
                                       seconds * 1000, Double(body.readableBytes) / max(seconds, 1e-9) / 1e6))
            if let requestOut {
                let url = URL(fileURLWithPath: requestOut)
                try body.withUnsafeReadableBytes { (bytes) throws(FrameError) in try AtomicFile.write(bytes, to: url) }
            }
            Terminal.diagnostic("dry run: a \(body.readableBytes)-byte body is valid; nothing was sent")
            if json {
                try JSONOutput.print(snakeCase: true, SubmitDocument(submission: nil, frames: frames, bodyBytes: body.readableBytes))
            }
        } catch {
            throw Self.exit(for: error)
        }
    }

    /// Maps each library failure to the documented exit code, printing what happened.
    static func exit(for error: any Error) -> any Error {
        switch error {
        case let error as SeedanceError:
            if case .unreachable = error.kind {
                // Nothing was sent: no task exists.
                Terminal.diagnostic("seedance: \(error)")
                return ExitStatus.outcomeUnknown.exitCode
            }
            return ExitStatus.reporting(error)
        case let error as VideoSubmitter.Failure:
            Terminal.diagnostic("seedance: \(error)")
            return (error.kind == .frameNotCompliant ? ExitStatus.repairable : .unusableInput).exitCode
        case let error as FrameError:
            Terminal.diagnostic("seedance: \(error)")
            return ExitStatus.unusableInput.exitCode
        case let error as RemoteImageFetcher.FetchError:
            Terminal.diagnostic("seedance: \(error)")
            return ExitStatus.unusableInput.exitCode
        case let error as RequestValidationError:
            Terminal.diagnostic("seedance: \(error)")
            return ExitStatus.usage.exitCode
        default:
            return error
        }
    }
}

/// `submit --json`: the task and a summary of what was sent, never the image bytes.
struct SubmitDocument: Encodable {
    struct Frame: Encodable {
        var role: FrameRole
        var source: String
        var sentAs: String
        var format: ImageFormat?
        var width: Int
        var height: Int
        var bytes: Int?
        var sha256: String
        var steps: [String]
    }

    var taskId: String?
    var intentId: String?
    var fingerprint: String?
    var attempts: Int?
    var bodyBytes: Int?
    var frames: [Frame]

    init(submission: Submission?, frames: [RequestFrame], bodyBytes: Int? = nil) {
        taskId = submission?.taskID
        intentId = submission?.intentID
        fingerprint = submission?.fingerprint
        attempts = submission?.attempts
        self.bodyBytes = bodyBytes
        self.frames = frames.map { frame in
            Frame(role: frame.role, source: frame.source.journalName, sentAs: frame.prepared == nil ? "url" : "data-uri",
                  format: frame.prepared?.format, width: frame.width, height: frame.height,
                  bytes: frame.prepared?.bytes.count, sha256: frame.digest,
                  steps: frame.prepared?.plan.steps.map(\.summary) ?? [])
        }
    }
}
