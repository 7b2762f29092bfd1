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

    mutating func validate() throws {
        do {
            model = try ModelCatalog.resolve(nameOrPath)
            policy = try ModelCatalog.policy(for: model)
        } catch {
            throw ValidationError("--model: \(error)")
        }
    }
}
