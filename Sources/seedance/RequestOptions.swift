public import ArgumentParser
import SeedanceAPI

extension Resolution: ExpressibleByArgument {}
extension SeedanceAPI.AspectRatio: ExpressibleByArgument {}
extension ServiceTier: ExpressibleByArgument {}

/// The API's request fields; unset options are left out of the body (the provider's defaults).
struct RequestOptions: ParsableArguments {
    @Option(help: "What happens in the video (Chinese or English; over 500 characters is warned about).")
    var prompt: String
    @Option(help: "Seconds of video, 4-12 (billing scales with it).")
    var duration: Int?
    @Option(help: "480p, 720p or 1080p (1080p was once documented as unavailable).")
    var resolution: Resolution?
    @Option(help: "16:9, 4:3, 1:1, 3:4, 9:16, 21:9 or adaptive.")
    var ratio: SeedanceAPI.AspectRatio?
    @Option(help: "-1 (random) to 4294967295.")
    var seed: Int64?
    @Option(help: "Frames per second: only 24.")
    var fps: Int?
    @Flag(help: "Add the provider's watermark.")
    var watermark = false
    @Flag(help: "Ask for a fixed camera (not guaranteed).")
    var cameraFixed = false
    @Flag(inversion: .prefixedNo, help: "Generate speech, effects and music (roughly doubles the cost).")
    var generateAudio: Bool?
    @Option(help: "default, or flex (offline queue, half price, slow).")
    var serviceTier: ServiceTier?
    @Option(help: "Seconds after creation before the task expires, 3600-259200.")
    var expiresAfter: Int?

    var template: GenerationRequest {
        GenerationRequest(image: "", prompt: prompt, duration: duration, resolution: resolution, ratio: ratio, fps: fps,
                          seed: seed, watermark: watermark ? true : nil, cameraFixed: cameraFixed ? true : nil,
                          serviceTier: serviceTier, generateAudio: generateAudio, executionExpiresAfter: expiresAfter)
    }

    /// The request's fields with a stand-in image: warnings and errors concern only these, so
    /// they are known before any frame is read (and without scanning megabytes of base64).
    private var probe: GenerationRequest {
        var probe = template
        probe.image = "https://example.invalid/frame.jpg"
        return probe
    }

    /// Checks every field before anything is read or sent; a wrong value is a usage error.
    mutating func validate() throws {
        do {
            _ = try probe.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Warnings about the fields (a prompt over 500 characters), for stderr.
    var warnings: [RequestWarning] { (try? probe.validate()) ?? [] }
}
