import Foundation
import Logging
import SeedanceAPI
import SeedanceStore
import SeedanceStub

/// A running stand-in, a client pointed at it, a state store and a scratch folder, torn down together.
struct StubHarness {
    static let apiKey = "sk-test-SECRET-7f3a9c1e5b"

    let stub: SeedanceStub
    let client: SeedanceClient
    let store: SQLiteTaskStore
    let directory: URL
    let sleeps: Locked<[Duration]>
    let logLines: Locked<[String]>

    /// Runs `body` against a fresh stand-in and client; always shuts the client down, stops the
    /// stand-in and removes the scratch folder.
    static func run(
        taskDuration: Duration = .milliseconds(150),
        readTimeout: Duration = .seconds(5),
        apiKey: String = StubHarness.apiKey,
        clock: StubClock = .system,
        _ body: (StubHarness) async throws -> Void
    ) async throws {
        let configuration = StubConfiguration(apiKey: StubHarness.apiKey, taskDuration: taskDuration, clock: clock)
        try await SeedanceStub.with(configuration) { stub in
            try await withScratchFolder("harness") { directory in
                let sleeps = Locked<[Duration]>([])
                let logLines = Locked<[String]>([])
                let configuration = SeedanceClient.Configuration(
                    baseURL: stub.baseURL, apiKey: apiKey, connectTimeout: .seconds(10), readTimeout: readTimeout)
                let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: logLines) }
                let client = try SeedanceClient(configuration: configuration, timeSource: fastTimeSource(sleeps: sleeps), logger: logger)
                do {
                    let harness = StubHarness(
                        stub: stub, client: client, store: try SQLiteTaskStore(directory: directory.appendingPathComponent("state")),
                        directory: directory, sleeps: sleeps, logLines: logLines)
                    try await body(harness)
                } catch {
                    try? await client.shutdown()
                    throw error
                }
                try await client.shutdown()
            }
        }
    }

    /// A valid request with both frames as data URIs.
    static var request: GenerationRequest {
        makeRequest(
            ["prompt": .string("a cat \"says\" hello"), "duration": .integer(5)],
            last: .inline(pngBytes(extraBytes: 80), format: "png", role: .last))
    }

    var inputs: [TaskInput] {
        [TaskInput(role: "first", source: "first.png", sha256: String(repeating: "a", count: 64))]
    }

    /// A fast poll schedule for tests.
    var poller: TaskPoller {
        client.poller(schedule: PollSchedule(initial: .milliseconds(20), maximum: .milliseconds(50), growth: 1.5, jitter: 0.1))
    }

    /// Submits `request` and returns the error it throws, failing if it does not throw.
    func submissionError(_ request: GenerationRequest = StubHarness.request) async -> SeedanceError? {
        do {
            _ = try await client.submit(request, inputs: inputs, store: store)
            return nil
        } catch {
            return error as? SeedanceError
        }
    }
}
