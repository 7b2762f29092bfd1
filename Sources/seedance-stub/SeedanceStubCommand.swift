import ArgumentParser
import Foundation
import SeedanceCore
import SeedanceStub

/// Runs the provider stand-in in the foreground, for demos and manual testing.
@main
struct SeedanceStubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedance-stub",
        abstract: "A local stand-in for the Seedance APIs of novita.ai (/v3/...) and Ark, BytePlus and Volcengine (/api/v3/...), on one port.",
        version: SeedanceVersion.current)

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(help: "Seconds a task takes to finish.")
    var taskSeconds = 5.0

    @Option(help: "The API key the stand-in accepts.")
    var key = "stub-key"

    @Option(help: "Make every task fail with this reason.")
    var failTasks: String?

    @Option(help: "Accept at most this many creates per window (then 429 RATE_LIMIT_EXCEEDED with Retry-After).")
    var createRpm: Int?

    @Option(help: "The window for --create-rpm, in seconds.")
    var createWindowSeconds = 60.0

    @Option(help: "Accept at most this many tasks queued or running at once (then 429).")
    var maxRunning: Int?

    @OptionGroup(title: "Ark (BytePlus ModelArk and Volcengine Ark, base URL http://127.0.0.1:PORT/api/v3)")
    var ark: ArkStubOptions

    func validate() throws {
        if let createRpm, createRpm < 1 { throw ValidationError("--create-rpm must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
        if !(createWindowSeconds > 0) { throw ValidationError("--create-window-seconds must be positive") }
        try ark.check()
    }

    func run() async throws {
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: key, taskDuration: .milliseconds(Int64(taskSeconds * 1000)), taskFailureReason: failTasks,
                imageValidator: FrameRulesValidator.validate,
                createLimit: createRpm.map { StubLimits.CreateRate(creates: $0, window: .milliseconds(Int64(createWindowSeconds * 1000))) },
                maxRunningTasks: maxRunning, ark: ark.configuration()),
            port: port
        ) { stub in
            // An unbuffered write: scripts wait for this line before they go on.
            FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(stub.port)\n".utf8))
            try await stub.waitUntilClosed()
        }
    }
}

/// The Ark mode's options: poll counts, limits and the contract's faults.
struct ArkStubOptions: ParsableArguments {
    @Option(help: "The key Ark calls must carry (default: --key).")
    var arkKey: String?

    @Option(help: "Retrieves that answer queued before an Ark task runs.")
    var arkQueuedPolls = 1

    @Option(help: "Retrieves that answer running before an Ark task ends.")
    var arkRunningPolls = 1

    @Option(help: "The window of the List limit (1 call per window), in seconds; 0 switches it off.")
    var arkListWindowSeconds = 1.0

    @Option(help: "At most this many Ark tasks queued at once (then 429 QuotaExceeded).")
    var arkMaxQueued = 120

    @Option(help: "Accept at most this many Ark creates per model per window (then 429 ModelAccountRpmRateLimitExceeded).")
    var arkRpm: Int?

    @Option(help: "The window for --ark-rpm, in seconds.")
    var arkRpmWindowSeconds = 60.0

    @Option(help: "Refuse every Nth 2.x create with images for a realistic face (400 InputImageSensitiveContentDetected.PrivacyInformation).")
    var arkFaceEvery: Int?

    @Option(help: "Refuse 2.x creates with images whose prompt contains this marker for a realistic face.")
    var arkFaceMarker: String?

    @Option(help: "Fail every Nth Ark task with generate_audio true with OutputAudioSensitiveContentDetected after it ran.")
    var arkAudioFailEvery: Int?

    @Option(help: "Fail Ark tasks with generate_audio true whose prompt contains this marker with OutputAudioSensitiveContentDetected.")
    var arkAudioFailMarker: String?

    @Option(help: "Lose the answer of every Nth Ark create after its task was created.")
    var arkLoseAnswerEvery: Int?

    @Option(help: "Lose the answer of Ark creates whose prompt contains this marker, after the task was created.")
    var arkLoseAnswerMarker: String?

    @Option(help: "How an answer is lost: drop (close the connection) or 500 (InternalServiceError).")
    var arkLoseAnswerMode = "drop"

    @Option(help: "Let every Nth Ark task end expired instead of running.")
    var arkExpireEvery: Int?

    @Flag(help: "Queued and running Ark bodies carry only id, model, status, times, tier and threshold.")
    var arkSparseBodies = false

    func check() throws {
        let counts = [
            ("--ark-face-every", arkFaceEvery), ("--ark-audio-fail-every", arkAudioFailEvery),
            ("--ark-lose-answer-every", arkLoseAnswerEvery), ("--ark-expire-every", arkExpireEvery), ("--ark-rpm", arkRpm),
        ]
        for (name, value) in counts where value.map({ $0 < 1 }) == true { throw ValidationError("\(name) must be at least 1") }
        for (name, value) in [("--ark-queued-polls", arkQueuedPolls), ("--ark-running-polls", arkRunningPolls)] where value < 0 {
            throw ValidationError("\(name) must be 0 or more")
        }
        if arkMaxQueued < 1 { throw ValidationError("--ark-max-queued must be at least 1") }
        if !(arkListWindowSeconds >= 0) { throw ValidationError("--ark-list-window-seconds must be 0 or more") }
        if !(arkRpmWindowSeconds > 0) { throw ValidationError("--ark-rpm-window-seconds must be positive") }
        if !["drop", "500"].contains(arkLoseAnswerMode) { throw ValidationError("--ark-lose-answer-mode must be drop or 500") }
        for (every, marker, name) in [
            (arkFaceEvery, arkFaceMarker, "face"), (arkAudioFailEvery, arkAudioFailMarker, "audio-fail"),
            (arkLoseAnswerEvery, arkLoseAnswerMarker, "lose-answer"),
        ] where every != nil && marker != nil {
            throw ValidationError("--ark-\(name)-every and --ark-\(name)-marker exclude each other")
        }
    }

    func configuration() -> ArkStubConfiguration {
        ArkStubConfiguration(
            apiKey: arkKey, queuedPolls: arkQueuedPolls, runningPolls: arkRunningPolls,
            listWindow: .milliseconds(Int64(arkListWindowSeconds * 1000)), maxQueuedTasks: arkMaxQueued,
            createRate: arkRpm.map { StubLimits.CreateRate(creates: $0, window: .milliseconds(Int64(arkRpmWindowSeconds * 1000))) },
            sparseUnfinishedBodies: arkSparseBodies,
            faults: ArkStubFaults(
                faceRefusal: Self.trigger(arkFaceEvery, arkFaceMarker),
                audioModerationFailure: Self.trigger(arkAudioFailEvery, arkAudioFailMarker),
                lostAnswer: Self.trigger(arkLoseAnswerEvery, arkLoseAnswerMarker),
                lostAnswerMode: arkLoseAnswerMode == "500" ? .internalServiceError : .dropConnection,
                expiry: arkExpireEvery.map { .every($0) }))
    }

    private static func trigger(_ every: Int?, _ marker: String?) -> ArkFaultTrigger? {
        if let every { return .every(every) }
        return marker.map { .promptContains($0) }
    }
}
