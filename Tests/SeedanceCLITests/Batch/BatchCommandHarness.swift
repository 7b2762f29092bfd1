import Foundation
import SeedanceStub
import Testing

/// `seedance batch` as a child process against the stand-in on loopback in this process (it
/// outlives a killed batch), with SQLite in a temporary XDG_STATE_HOME.
struct BatchCommandHarness {
    static let key = "sk-batch-run-5d2c8e1f7a3b9c4d"

    let stub: SeedanceStub
    let folder: URL
    var state: URL { folder.appendingPathComponent("state") }
    var output: String { folder.appendingPathComponent("videos").path }

    /// Starts the stand-in and a temporary folder, runs `body`, and stops and removes both
    /// whatever happens.
    static func with(_ configuration: StubConfiguration, _ body: (BatchCommandHarness) async throws -> Void) async throws {
        try await SeedanceStub.with(configuration) { stub in
            try await withScratchFolder("batch-run") { folder in
                try await body(BatchCommandHarness(stub: stub, folder: folder))
            }
        }
    }

    /// The whole environment for a child: this process's, plus the key, the stand-in and the store.
    var environment: [String: String] {
        var variables = ProcessInfo.processInfo.environment
        variables["NOVITA_API_KEY"] = Self.key
        variables["SEEDANCE_BASE_URL"] = stub.baseURL.absoluteString
        variables["XDG_STATE_HOME"] = state.path
        return variables
    }

    func batch(_ manifest: String, _ extra: [String], timeout: Double = 300, killWhen: (@Sendable () -> Bool)? = nil) async throws
        -> ChildProcess.Outcome
    {
        let executable = try #require(TestPaths.executable("seedance"), "build seedance first (swift build --build-tests)")
        let arguments = ["batch", manifest, "--output-dir", output] + extra
        return try await ChildProcess.run(executable, arguments, environment: environment, timeout: timeout, killWhen: killWhen)
    }

    func videos() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { $0.hasSuffix(".mp4") }.sorted()
    }

    /// The `--json` document.
    static func document(_ outcome: ChildProcess.Outcome) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
            "one JSON document on stdout; stderr: \(outcome.standardError.suffix(2000))")
    }

    /// The `--json` document's items by id.
    static func items(_ outcome: ChildProcess.Outcome) throws -> [String: [String: Any]] {
        let items = try #require(try document(outcome)["items"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["id"] as? String).map { ($0, item) } })
    }
}
