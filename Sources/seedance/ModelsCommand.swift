import ArgumentParser
import SeedanceAPI
import SeedanceKit

/// `seedance models`: the models this toolkit knows, with every rule it applies for them.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the built-in models (or one model FILE.json) with their fields, frame rules and output sizes.",
        discussion: "A model file has the shape `seedance models --json` prints for one model; pass it to --model.")

    @Flag(help: "Print one JSON document on stdout.")
    var json = false
    @OptionGroup var modelOption: ModelOption
    @OptionGroup var providerOption: ProviderOption

    struct Listing: Encodable {
        var provider: String
        var defaultModel: String
        var models: [VideoModel]

        enum CodingKeys: String, CodingKey {
            case provider, models
            case defaultModel = "default_model"
        }
    }

    mutating func validate() throws {
        if modelOption.nameOrPath != nil { try modelOption.select(for: registration) }
    }

    var registration: ProviderRegistration { providerOption.registration }

    func run() async throws {
        let models = modelOption.nameOrPath == nil ? VideoModel.builtIn(api: registration.api) : [modelOption.model]
        if json {
            try JSONOutput.print(Listing(provider: registration.id.rawValue, defaultModel: VideoModel.defaultName, models: models))
            return
        }
        Terminal.result("provider \(registration.id) (\(registration.defaultBaseURL.absoluteString), key in $\(registration.apiKeyVariable))\n")
        Terminal.result(models.map(Self.describe).joined(separator: "\n\n"))
    }

    static func describe(_ model: VideoModel) -> String {
        var lines = ["\(model.name)\(model.name == VideoModel.defaultName ? " (default)" : "")  POST \(model.endpoint)"]
        for (provider, id) in (model.wireIDs ?? [:]).sorted(by: { $0.key < $1.key }) { lines.append("  \(provider): model \(id)") }
        if let summary = model.summary { lines.append("  \(summary)") }
        lines.append("  fields:")
        for field in model.fields {
            var line = "    \(field.name): \(field.type.rawValue)"
            if field.values != nil || field.bounds != nil { line += " \(field.allowedDescription)" }
            if field.isRequired { line += ", required" }
            if let value = field.default { line += ", provider default \(value)" }
            if let summary = field.summary { line += " — \(summary)" }
            lines.append(line)
        }
        for rule in model.rules ?? [] {
            if let requirement = rule.require { lines.append("  rule: \(rule.when) only with \(requirement)") }
            if let warning = rule.warn { lines.append("  warning when \(rule.when): \(warning)") }
        }
        let image = model.image
        lines.append(
            "  frames: \(image.formats.joined(separator: ", ")); sides \(image.sideAbove) < side < \(image.sideBelow); "
                + "\(image.aspectAbove) < width/height < \(image.aspectBelow); file < \(image.fileBytesBelow) bytes, data URI < \(image.payloadBytesBelow) bytes"
        )
        for resolution in model.outputSizes.keys.sorted(by: { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }) {
            let row = model.outputSizes[resolution] ?? [:]
            lines.append("  \(resolution): " + row.keys.sorted().map { "\($0) \(row[$0]!)" }.joined(separator: ", "))
        }
        if let price = model.price, let audio = price.usdPerMillionTokensWithAudio, let silent = price.usdPerMillionTokensSilent {
            lines.append("  price (estimate): USD \(audio) per million tokens with audio, \(silent) silent, flex × \(price.flexFactor)")
        } else {
            lines.append("  price: unknown")
        }
        return lines.joined(separator: "\n")
    }
}
