import ArgumentParser
import Foundation
import SeedanceAPI

/// Options every command that talks to a provider shares: which one, and where.
struct APIOptions: ParsableArguments {
    /// Without it, `status` and `wait` follow a recorded task's own provider.
    @OptionGroup var providerOption: ProviderOption

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The provider's base URL (default: the provider's own variable such as $ARK_BASE_URL, then $SEEDANCE_BASE_URL, else its public URL).",
            valueName: "URL"))
    var baseURL: String?

    var provider: String? { providerOption.provider }

    /// The chosen provider's registration (the default when none was named).
    var registration: ProviderRegistration { providerOption.registration }

    /// The client configuration from these options and the environment; exits 64 when the key is missing.
    func configuration(provider chosen: ProviderID? = nil) throws -> SeedanceClient.Configuration {
        try SeedanceClient.Configuration.fromEnvironment(provider: chosen ?? registration.id, baseURL: baseURL)
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

    /// Runs `body` with a client for `taskID`'s provider: the flag when given, else the provider
    /// the state store recorded for the task, else the default.
    func withClient<Result: Sendable>(forTask taskID: String, _ body: (SeedanceClient) async throws -> Result) async throws -> Result {
        try await SeedanceClient.withClient(try configuration(provider: await recordedProvider(of: taskID)), body)
    }

    /// The provider the store recorded for `taskID`, unless a flag chose one. A store that
    /// cannot be read leaves the choice to the flag or the default (the task is still followed).
    private func recordedProvider(of taskID: String) async -> ProviderID? {
        guard provider == nil, let store = StateStoreAccess.openQuietly() else { return nil }
        do {
            let records = try await store.records(matching: TaskFilter(taskID: taskID))
            return records.first.map { ProviderID(rawValue: $0.provider) }
        } catch {
            Terminal.diagnostic("seedance: warning: the state store could not be read to find task \(taskID)'s provider: \(error)")
            return nil
        }
    }

    /// The flags that reproduce these options on a command line, for resume hints.
    var commandLineArguments: [String] {
        (provider.map { ["--provider", $0] } ?? []) + (baseURL.map { ["--base-url", $0] } ?? [])
    }
}
