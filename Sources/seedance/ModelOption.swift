import ArgumentParser
import SeedanceAPI
import SeedanceKit

/// `--model NAME|FILE.json`: which model's rules and endpoint apply.
struct ModelOption: ParsableArguments {
    @Option(name: .customLong("model"), help: ArgumentHelp(
        "A built-in model (seedance-v1.5-pro, the default, or seedance-2.0) or a model FILE.json; see `seedance models`.",
        valueName: "NAME|FILE"))
    var nameOrPath: String?

    func validate() throws {
        do {
            _ = try ModelCatalog.resolve(nameOrPath)
        } catch {
            throw ValidationError("--model: \(error)")
        }
    }

    /// The model, already checked by ``validate()``.
    var model: VideoModel {
        (try? ModelCatalog.resolve(nameOrPath)) ?? .defaultModel
    }
}
