public import ArgumentParser
import FrameKit
import SeedanceAPI
import SeedanceKit

extension FixOptions.CropStrategy: ExpressibleByArgument {}
extension FixOptions.LastFrameSize: ExpressibleByArgument {}

/// How `fix` (and `submit`, which fixes first) changes frames.
struct FixOptionsGroup: ParsableArguments {
    @Option(help: "Which part a crop keeps: attention, entropy or centre.")
    var crop: FixOptions.CropStrategy = .attention
    @Option(help: ArgumentHelp("Pad instead of cropping: a colour (#rrggbb, white, black) or 'blur'.", valueName: "fill"))
    var pad: String?
    @Option(help: "Colour under transparency when it is flattened (#rrggbb, white, black).")
    var background = "white"
    @Flag(help: "Keep transparency (the output becomes PNG unless --format webp).")
    var keepAlpha = false
    @Option(help: "Output format when bytes must change: jpeg, png or webp.")
    var format: String?
    @Option(help: "The last frame's size: 'match' the first frame's, or 'keep' its own.")
    var lastSize: FixOptions.LastFrameSize = .matchFirst
    @Option(help: "First JPEG/WebP quality tried (1-100); lower only if over the byte budget.")
    var quality = 90
    @Option(help: "libvips worker threads per image (default: the machine's cores).")
    var threads: Int?

    mutating func validate() throws {
        if let pad, pad.lowercased() != "blur", RGBColour(pad) == nil {
            throw ValidationError("--pad takes a colour (#rrggbb, white, black) or 'blur', not '\(pad)'")
        }
        guard RGBColour(background) != nil else {
            throw ValidationError("--background takes a colour (#rrggbb, white, black), not '\(background)'")
        }
        if let format, outputFormat(format) == nil {
            throw ValidationError("--format takes jpeg, png or webp, not '\(format)'")
        }
        guard (1...100).contains(quality) else {
            throw ValidationError("--quality must be 1 to 100, not \(quality)")
        }
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must be 1 to 1024, not \(threads)")
        }
        // libvips' threads are one setting for the whole process: set once, here, where every
        // command that fixes parses them (check, fix, submit, preview, batch).
        if let threads { ImageEngine.configure(ImageEngineSettings(threads: threads)) }
    }

    private func outputFormat(_ text: String) -> ImageFormat? {
        ImageFormat(declared: text).flatMap { FixOptions.outputFormats.contains($0) ? $0 : nil }
    }

    /// FrameKit's options; `video` is the video the frames are for (nil: no framing or sizing).
    func options(video: VideoTarget? = nil) -> FixOptions {
        let framing: FixOptions.Framing =
            switch pad.map({ $0.lowercased() }) {
            case nil: .crop(crop)
            case "blur": .pad(.blur)
            // validate() refused a colour that does not parse: these defaults are never taken.
            case let colour?: .pad(.colour(RGBColour(colour) ?? .black))
            }
        return FixOptions(
            framing: framing, background: RGBColour(background) ?? .white, keepAlpha: keepAlpha,
            format: format.flatMap(outputFormat), video: video, lastFrameSize: lastSize, quality: quality)
    }
}

/// The video's framing for `fix` and `check`, in the chosen model's names; `submit` reads the
/// same from its request options.
struct VideoFramingOptions: ParsableArguments {
    @Option(help: "Crop or pad both frames to the video's ratio, e.g. 16:9 (the model's ratios; see `seedance models`).")
    var ratio: String?
    @Option(help: "Scale down to what this output shows, e.g. 720p (the model's resolutions).")
    var resolution: String?
    @OptionGroup var modelOption: ModelOption
    /// The values given, as ``validate()`` checked them against the model (once per run).
    private var checked: ValidatedParameters?

    private enum CodingKeys: CodingKey {
        case ratio, resolution, modelOption
    }

    mutating func validate() throws {
        checked = try Self.check(parameters ?? GenerationParameters(), model: modelOption.model)
    }

    /// The values given, checked: by ``validate()``, which ArgumentParser runs before the
    /// command; a group made in code is checked here instead, still once per use.
    func checkedValues() throws -> ValidatedParameters {
        try checked ?? Self.check(parameters ?? GenerationParameters(), model: modelOption.model)
    }

    private static func check(_ parameters: GenerationParameters, model: VideoModel) throws -> ValidatedParameters {
        do {
            return try ValidatedParameters.valuesGiven(model: model, parameters: parameters, frames: [.first])
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The ratio and resolution given, as request fields.
    var parameters: GenerationParameters? {
        guard ratio != nil || resolution != nil else { return nil }
        var parameters = GenerationParameters()
        parameters.set(VideoModel.ratioField, ratio.map(ParameterValue.string))
        parameters.set(VideoModel.resolutionField, resolution.map(ParameterValue.string))
        return parameters
    }

    /// Exactly the video's pixels (allowance 1) when a resolution is given: `fix` keeps its
    /// smallest-change default otherwise (no sizing without --resolution).
    var videoTarget: VideoTarget? {
        parameters.flatMap { VideoTarget(model: modelOption.model, parameters: $0, pixelAllowance: 1, sized: resolution != nil) }
    }
}
