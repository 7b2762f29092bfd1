import ArgumentParser
import SeedanceAPI

/// `--provider NAME`: which provider's models, API and records a command is about.
struct ProviderOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The provider: \(ProviderRegistry.names.joined(separator: ", ")) (default: \(ProviderRegistry.default.id)).",
            valueName: "NAME"))
    var provider: String?

    func validate() throws {
        if let provider, ProviderRegistry.registration(for: ProviderID(rawValue: provider)) == nil {
            throw ValidationError("--provider: \"\(provider)\" is not one of \(ProviderRegistry.names.joined(separator: ", "))")
        }
    }

    /// The chosen provider's registration (the default when none was named).
    var registration: ProviderRegistration {
        provider.flatMap { ProviderRegistry.registration(for: ProviderID(rawValue: $0)) } ?? ProviderRegistry.default
    }
}
