import ArgumentParser
import FrameKit
import SeedanceAPI
import SeedanceKit

/// `--model NAME|FILE.json`: which model's rules and endpoint apply.
struct ModelOption: ParsableArguments {
    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "A built-in model (seedance-v1.5-pro, the default, or seedance-2.0) or a model FILE.json; see `seedance models`.",
            valueName: "NAME|FILE"))
    var nameOrPath: String?

    /// The model and its frame rules, resolved once by ``validate()``, which ArgumentParser runs
    /// on every parsed group before a command runs: a model file is read and decoded once per
    /// run, and a bad one stops the run there.
    private(set) var model = VideoModel.defaultModel
    private(set) var policy = Policy.seedance

    private enum CodingKeys: CodingKey {
        case nameOrPath
    }

    /// Resolves the model again for a provider whose API differs from the one ``validate()``
    /// used (a family name means the provider's own row); a model file must be written for the
    /// provider's API. The error names the providers that serve the family.
    mutating func select(for registration: ProviderRegistration) throws {
        guard model.apiName != registration.api else { return }
        let candidate = VideoModel.builtIn(named: model.name, api: registration.api)
        guard let candidate, nameOrPath.map({ !$0.hasSuffix(".json") && !$0.contains("/") }) ?? true else {
            let serving = VideoModel.builtInEveryAPI.filter { $0.name == model.name }
                .flatMap { ProviderRegistry.serving(api: $0.apiName).map(\.id.rawValue) }
            throw ValidationError(
                "--model: \(model.name) is not served by \(registration.id)"
                    + (serving.isEmpty ? "" : " (served by: \(serving.joined(separator: ", ")))")
                    + "; see `seedance models --provider \(registration.id)`")
        }
        model = candidate
        policy = try ModelCatalog.policy(for: candidate)
    }

    mutating func validate() throws {
        do {
            model = try ModelCatalog.resolve(nameOrPath)
            policy = try ModelCatalog.policy(for: model)
        } catch {
            throw ValidationError("--model: \(error)")
        }
    }
}
