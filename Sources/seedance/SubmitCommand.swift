public import ArgumentParser
import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

extension VideoSubmitter.UploadSize: ExpressibleByArgument {}

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Fix the frames, submit one paid task, and optionally wait for the video.",
        discussion: """
            The create call is sent once: it is retried only when the server provably did not take it. \
            Every attempt is recorded in the state store (see `seedance tasks`) before it is sent. \
            The same request for the same model and base URL sent in the last 24 h (and not failed or \
            refused) is refused with exit 6, nothing sent, unless --allow-duplicate. Frames are scaled \
            down to at most twice the video's pixels (--upload-size full keeps their size).
            """
    )

    @Argument(help: "The first frame: a path, '-', an http(s) URL or a data: URI.")
    var first: String
    @Option(help: "The last frame.")
    var last: String?
    @OptionGroup var modelOption: ModelOption
    @OptionGroup(title: "Request") var request: RequestOptions
    @OptionGroup var preparation: FramePreparationOptions
    @OptionGroup(title: "Provider") var api: APIOptions
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
    /// The request's fields as ``validate()`` checked them against the model: the one check,
    /// carried through preparing, the body and the create call.
    private var checked: ValidatedParameters?

    private enum CodingKeys: CodingKey {
        case first, last, modelOption, request, preparation, api, dryRun, requestOut, allowDuplicate, wait, waiting, json
    }

    mutating func validate() throws {
        if requestOut != nil && !dryRun { throw ValidationError("--request-out goes with --dry-run") }
        if (waiting.output != nil || waiting.timeout != nil) && !wait { throw ValidationError("--output and --timeout go with --wait") }
        try waiting.validateOutput()
        // The family as the chosen provider serves it.
        try modelOption.select(for: api.registration)
        // Every field against the chosen model, once, before any frame is read.
        checked = try request.validated(for: modelOption.model, hasLastFrame: last != nil)
    }

    func run() async throws {
        let model = modelOption.model
        // ArgumentParser runs validate() before run(): a command made in code without it is
        // checked here instead, still once.
        let parameters = try checked ?? request.validated(for: model, hasLastFrame: last != nil)
        for warning in parameters.warnings {
            Terminal.diagnostic("seedance: warning: \(warning)")
        }
        let submitter = preparation.submitter(model: modelOption)
        let firstSource = FrameSource(argument: first)
        let lastSource = last.map(FrameSource.init(argument:))
        if dryRun {
            try await runDry(submitter, parameters: parameters, first: firstSource, last: lastSource)
            return
        }
        // Opened before any frame work: without a store nothing may be sent (exit 74).
        let store = try StateStoreAccess.open()
        do {
            try await api.withClient { client in
                // Frames in a worker: a crash of the image library is exit 2 with nothing sent.
                let (submission, frames) = try await ContainedPreparation.run(submitter) { submitter in
                    try await submitter.submit(
                        first: firstSource, last: lastSource, parameters: parameters, client: client,
                        store: store, allowDuplicate: allowDuplicate)
                }
                if let problem = submission.storeProblem { Terminal.diagnostic("seedance: warning: \(problem)") }
                Terminal.diagnostic("submitted task \(submission.taskID) to \(model.name) (intent \(submission.intentID), \(store.location))")
                Self.reportUpload(frames)
                if wait {
                    // The same client and the same waiter as `seedance wait`.
                    try await TaskWaiter(taskID: submission.taskID, waiting: waiting, json: json, api: api).run(with: client)
                } else if json {
                    try JSONOutput.print(snakeCase: true, SubmitDocument(submission: submission, model: model.name, frames: frames))
                } else {
                    Terminal.result(submission.taskID)
                }
            }
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func runDry(_ submitter: VideoSubmitter, parameters: ValidatedParameters, first: FrameSource, last: FrameSource?) async throws {
        do {
            let frames = try await ContainedPreparation.run(submitter) { submitter in
                try await submitter.prepareFrames(first: first, last: last, parameters: parameters.parameters)
            }
            let body = try api.registration.layBody(submitter.request(parameters: parameters, frames: frames))
            Self.reportUpload(frames)
            // The body is produced once as the POST would produce it: its rate is the encoder's
            // (base64 included, no disk), and its size must be the Content-Length announced.
            let clock = ContinuousClock()
            var start = clock.now
            let produced = body.producedByteCount()
            let encoding = Self.seconds(clock.now - start)
            guard produced == body.length else {
                // A bug, never user input: said as such, and nothing is sent.
                throw SeedanceError(
                    .invalidRequest(
                        RequestValidationError(
                            field: "body", value: "\(produced) bytes produced", allowed: "the \(body.length) bytes announced; please report this")),
                    "request not sent")
            }
            Terminal.diagnostic(
                String(
                    format: "body produced in %.1f ms (%.0f MB/s, base64 included)",
                    encoding * 1000, Double(body.length) / max(encoding, 1e-9) / 1e6))
            if let requestOut {
                start = clock.now
                try body.write(to: URL(fileURLWithPath: requestOut))
                Terminal.diagnostic(
                    "body written to \(requestOut) in " + String(format: "%.1f ms", Self.seconds(clock.now - start) * 1000) + ", synced to disk")
            }
            Terminal.diagnostic("dry run: a \(body.length)-byte body for \(body.model) is valid; nothing was sent")
            if json {
                try JSONOutput.print(
                    snakeCase: true,
                    SubmitDocument(
                        submission: nil, model: body.model, frames: frames,
                        bodyBytes: body.length, fingerprint: body.fingerprint))
            }
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    /// What sizing the frames for the video saved, on stderr.
    private static func reportUpload(_ frames: [RequestFrame]) {
        let saved = frames.reduce(0) { $0 + $1.bytesSaved }
        guard saved > 0 else { return }
        let input = frames.reduce(0) { $0 + ($1.inputBytes ?? 0) }
        Terminal.diagnostic("upload: \(input - saved) bytes of frames instead of \(input) (\(saved) bytes saved)")
    }
}

/// `submit --json`: the task and a summary of what was sent, never the image bytes.
struct SubmitDocument: Encodable {
    enum SentAs: String, Encodable {
        case url
        case dataUri = "data_uri"
    }

    struct Frame: Encodable {
        var role: FrameRole
        var source: String
        var sentAs: SentAs
        var format: ImageFormat?
        var width: Int
        var height: Int
        var bytes: Int?
        var inputBytes: Int?
        var bytesSaved: Int
        var sha256: String
        var steps: [String]
    }

    var taskId: String?
    var intentId: String?
    var model: String
    var fingerprint: String?
    var attempts: Int?
    var bodyBytes: Int?
    var bytesSaved: Int
    var frames: [Frame]

    init(submission: Submission?, model: String, frames: [RequestFrame], bodyBytes: Int? = nil, fingerprint: String? = nil) {
        taskId = submission?.taskID
        intentId = submission?.intentID
        self.model = model
        self.fingerprint = submission?.fingerprint ?? fingerprint
        attempts = submission?.attempts
        self.bodyBytes = bodyBytes
        bytesSaved = frames.reduce(0) { $0 + $1.bytesSaved }
        self.frames = frames.map { frame in
            Frame(
                role: frame.role, source: frame.source.recordedName, sentAs: frame.prepared == nil ? .url : .dataUri,
                format: frame.prepared?.format, width: frame.width, height: frame.height,
                bytes: frame.prepared?.bytes.count, inputBytes: frame.inputBytes, bytesSaved: frame.bytesSaved, sha256: frame.digest,
                steps: frame.prepared?.plan.steps.map(\.summary) ?? [])
        }
    }
}
