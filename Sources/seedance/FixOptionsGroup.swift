public import ArgumentParser
import FrameKit
import SeedanceAPI

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
    }

    private func outputFormat(_ text: String) -> ImageFormat? {
        ImageFormat(declared: text).flatMap { FixOptions.outputFormats.contains($0) ? $0 : nil }
    }

    /// `submit` takes the ratio and resolution from the request; `fix` and `check` from
    /// ``VideoFramingOptions``.
    /// libvips' threads are one setting for the whole process, so building the options applies
    /// --threads: fix, check and submit all build theirs here. A libvips that cannot start says
    /// so at the first frame.
    func options(ratio: SeedanceAPI.AspectRatio? = nil, resolution: Resolution? = nil) -> FixOptions {
        if let threads { try? ImageEngine.configure(ImageEngineSettings(threads: threads)) }
        let framing: FixOptions.Framing = switch pad.map({ $0.lowercased() }) {
        case nil: .crop(crop)
        case "blur": .pad(.blur)
        case let colour?: .pad(.colour(RGBColour(colour) ?? .black))
        }
        return FixOptions(framing: framing, background: RGBColour(background) ?? .white, keepAlpha: keepAlpha,
                          format: format.flatMap(outputFormat), video: Self.videoTarget(ratio: ratio, resolution: resolution),
                          lastFrameSize: lastSize, quality: quality)
    }
}

extension FixOptionsGroup {
    /// The provider's ratio and resolution names as FrameKit's aspect and sizes.
    static func videoTarget(ratio: SeedanceAPI.AspectRatio?, resolution: Resolution?) -> VideoTarget? {
        let aspect: FrameKit.AspectRatio? = ratio.flatMap { FrameKit.AspectRatio($0.rawValue) }
        guard aspect != nil || resolution != nil else { return nil }
        let ratios = ratio.map { $0 == .adaptive ? SeedanceAPI.AspectRatio.allCases : [$0] } ?? SeedanceAPI.AspectRatio.allCases
        let sizes = resolution.map { resolution in
            ratios.compactMap { resolution.pixelSize(for: $0) }.map { VideoTarget.Size(width: $0.width, height: $0.height) }
        } ?? []
        let label = [resolution?.rawValue, ratio?.rawValue].compactMap { $0 }.joined(separator: " ")
        return VideoTarget(aspect: aspect, sizes: sizes, label: label)
    }
}

/// The video's framing for `fix` and `check`; `submit` reads the same from its request options.
struct VideoFramingOptions: ParsableArguments {
    @Option(help: "Crop or pad both frames to the video's ratio: 16:9, 4:3, 1:1, 3:4, 9:16, 21:9.")
    var ratio: SeedanceAPI.AspectRatio?
    @Option(help: "Scale down to what this output needs: 480p, 720p, 1080p.")
    var resolution: Resolution?
}
