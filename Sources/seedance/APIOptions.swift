import ArgumentParser
import Foundation
import SeedanceAPI

/// Options every command that talks to the provider shares.
struct APIOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Provider base URL (default: $SEEDANCE_BASE_URL, else \(ProviderRegistry.default.defaultBaseURL.absoluteString)).",
            valueName: "URL"))
    var baseURL: String?

    /// The client configuration from these options and the environment; exits 64 when the key is missing.
    func configuration() throws -> SeedanceClient.Configuration {
        try SeedanceClient.Configuration.fromEnvironment(baseURL: baseURL)
    }

    /// ``configuration()``, or the documented exit code after saying why on stderr.
    func reportedConfiguration() throws -> SeedanceClient.Configuration {
        do {
            return try configuration()
        } catch {
            throw ExitStatus.reporting(error)
        }
    }

    /// Runs `body` with a client built from these options, shutting it down afterwards.
    func withClient<Result: Sendable>(_ body: (SeedanceClient) async throws -> Result) async throws -> Result {
        try await SeedanceClient.withClient(try configuration(), body)
    }

    /// The flags that reproduce these options on a command line, for resume hints.
    var commandLineArguments: [String] {
        baseURL.map { ["--base-url", $0] } ?? []
    }
}
