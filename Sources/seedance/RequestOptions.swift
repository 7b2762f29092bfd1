import ArgumentParser
import SeedanceAPI

/// The create call's fields, as options; each is checked against the chosen model's data, so a
/// field the model does not take, or a value it does not allow, is a usage error naming both.
/// Unset options are left out of the body (the provider's defaults).
struct RequestOptions: ParsableArguments {
    @Option(help: "What happens in the video (Chinese or English; over 500 characters is warned about). Required by seedance-v1.5-pro.")
    var prompt: String?
    @Option(help: "Seconds of video (seedance-v1.5-pro: 4-12, seedance-2.0: 4-15); billing scales with it.")
    var duration: Int?
    @Option(help: "480p, 720p or 1080p (1080p: see `seedance models`). Frames are sized for it.")
    var resolution: String?
    @Option(help: "16:9, 4:3, 1:1, 3:4, 9:16, 21:9 or adaptive.")
    var ratio: String?
    @Option(help: "-1 (random) to 4294967295.")
    var seed: Int64?
    @Option(help: "Frames per second (seedance-v1.5-pro: only 24).")
    var fps: Int?
    @Flag(help: "Add the provider's watermark.")
    var watermark = false
    @Flag(help: "Ask for a fixed camera (not guaranteed; seedance-v1.5-pro).")
    var cameraFixed = false
    @Flag(inversion: .prefixedNo, help: "Generate speech, effects and music (roughly doubles the cost).")
    var generateAudio: Bool?
    @Option(help: "default, or flex (offline queue, half price, slow; seedance-v1.5-pro).")
    var serviceTier: String?
    @Option(help: "Seconds after creation before the task expires, 3600-259200 (seedance-v1.5-pro).")
    var expiresAfter: Int?
    @Flag(inversion: .prefixedNo, help: "The cheaper variant (seedance-2.0; 1080p needs --no-fast).")
    var fast: Bool?
    @Flag(help: "Return the video's last frame as well (seedance-2.0; every model on Ark).")
    var returnLastFrame = false
    @Option(help: "Queue priority 0-9 (Ark, 2.x models).")
    var priority: Int?

    /// The fields the user set, by the provider's names.
    var parameters: GenerationParameters {
        var parameters = GenerationParameters()
        parameters.set("prompt", prompt.map(ParameterValue.string))
        parameters.set("duration", duration.map { .integer(Int64($0)) })
        parameters.set("resolution", resolution.map(ParameterValue.string))
        parameters.set("ratio", ratio.map(ParameterValue.string))
        parameters.set("seed", seed.map(ParameterValue.integer))
        parameters.set("fps", fps.map { .integer(Int64($0)) })
        parameters.set("watermark", watermark ? .bool(true) : nil)
        parameters.set("camera_fixed", cameraFixed ? .bool(true) : nil)
        parameters.set("generate_audio", generateAudio.map(ParameterValue.bool))
        parameters.set("service_tier", serviceTier.map(ParameterValue.string))
        parameters.set("execution_expires_after", expiresAfter.map { .integer(Int64($0)) })
        parameters.set("fast", fast.map(ParameterValue.bool))
        parameters.set("return_last_frame", returnLastFrame ? .bool(true) : nil)
        parameters.set("priority", priority.map { .integer(Int64($0)) })
        return parameters
    }

    /// Checks the fields against `model` once, before anything is read or sent: the checked
    /// value (with its warnings) goes on to the request.
    func validated(for model: VideoModel, hasLastFrame: Bool) throws -> ValidatedParameters {
        do {
            return try ValidatedParameters(model: model, parameters: parameters, frames: hasLastFrame ? [.first, .last] : [.first])
        } catch {
            throw ValidationError("\(error.description)")
        }
    }

    /// Checks only the values given against `model` (a preview needs no prompt), once.
    func valuesGiven(for model: VideoModel, hasLastFrame: Bool) throws -> ValidatedParameters {
        do {
            return try ValidatedParameters.valuesGiven(model: model, parameters: parameters, frames: hasLastFrame ? [.first, .last] : [.first])
        } catch {
            throw ValidationError("\(error.description)")
        }
    }
}
