import ArgumentParser
import SeedanceKit

/// `batch`'s request options: every one optional, each the default a manifest line overrides.
/// Values are checked per line by the line's model, like a line's own (the message names the key).
struct BatchRequestDefaults: ParsableArguments {
    @Option(help: "Default prompt for lines without one.")
    var prompt: String?
    @Option(help: "Default seconds of video, 4-12.")
    var duration: Int?
    @Option(help: "Default resolution: 480p, 720p or 1080p.")
    var resolution: String?
    @Option(help: "Default ratio: 16:9, 4:3, 1:1, 3:4, 9:16, 21:9 or adaptive.")
    var ratio: String?
    @Option(help: "Default seed, -1 (random) to 4294967295.")
    var seed: Int?
    @Option(help: "Default frames per second: only 24.")
    var fps: Int?
    @Flag(inversion: .prefixedNo, help: "Default for generate_audio (audio roughly doubles the cost).")
    var generateAudio: Bool?
    @Option(help: "Default service tier: default, or flex (half price, slow).")
    var serviceTier: String?
    @Option(help: "Default seconds after creation before a task expires, 3600-259200.")
    var expiresAfter: Int?

    /// The defaults by API field name, for ``BatchPlanner``.
    var fields: [String: ManifestValue] {
        var fields: [String: ManifestValue] = [:]
        fields["prompt"] = prompt.map(ManifestValue.string)
        fields["duration"] = duration.map(ManifestValue.integer)
        fields["resolution"] = resolution.map(ManifestValue.string)
        fields["ratio"] = ratio.map(ManifestValue.string)
        fields["seed"] = seed.map(ManifestValue.integer)
        fields["fps"] = fps.map(ManifestValue.integer)
        fields["generate_audio"] = generateAudio.map(ManifestValue.bool)
        fields["service_tier"] = serviceTier.map(ManifestValue.string)
        fields["execution_expires_after"] = expiresAfter.map(ManifestValue.integer)
        return fields
    }
}
