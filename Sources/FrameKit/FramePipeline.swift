import Foundation

/// Executes a ``FixPlan`` as one lazy libvips pipeline: shrink-on-load, colour, flatten, resize,
/// then (only when needed) a memory copy for rotation and smart crop, then one encode.
struct FramePipeline {
    var policy: Policy
    var options: FixOptions
    /// libvips' largest image side (VIPS_MAX_COORD in 8.14); a larger image trips an assertion.
    static let maximumSide = 10_000_000

    func render(_ input: LoadedInput, report: ImageReport, plan: FixPlan) throws(FrameError) -> VipsImage {
        let actions = plan.steps.map(\.action)
        let framing = actions.lazy.compactMap { action -> (width: Int, height: Int, pad: FixOptions.PadFill?, strategy: FixOptions.CropStrategy?)? in
            switch action {
            case .crop(let w, let h, let strategy): (w, h, nil, strategy)
            case .pad(let w, let h, let fill): (w, h, fill, nil)
            default: nil
            }
        }.first

        // Scale from displayed input to the displayed output, applied to the whole picture; the
        // crop or pad then happens at output scale.
        let framedWidth = framing?.width ?? report.width
        let framedHeight = framing?.height ?? report.height
        let scaleX = Double(plan.width) / Double(framedWidth)
        let scaleY = Double(plan.height) / Double(framedHeight)
        let swap = report.orientationSwapsSides
        let (storedScaleX, storedScaleY) = swap ? (scaleY, scaleX) : (scaleX, scaleY)
        // The whole picture is scaled before the crop: for an extreme aspect (10000000×1 cropped
        // to 2:1, then scaled to 602×301) that intermediate would be billions of pixels, which
        // libvips aborts on (over its coordinate limit) or grinds through. Refuse it up front.
        let scaledWidth = (Double(report.storedWidth) * storedScaleX).rounded()
        let scaledHeight = (Double(report.storedHeight) * storedScaleY).rounded()
        guard scaledWidth.isFinite, scaledHeight.isFinite, scaledWidth * scaledHeight <= Double(policy.maxPixels),
              max(scaledWidth, scaledHeight) <= Double(Self.maximumSide) else {
            throw FrameError(.cannotComply, "\(report.width)×\(report.height) is too extreme to reframe: scaling it for the \(plan.width)×\(plan.height) output would need a \(Int(min(scaledWidth, 1e15)))×\(Int(min(scaledHeight, 1e15))) intermediate, over the \(policy.maxPixels)-pixel safety limit; crop it with a tool you trust first", source: report.source)
        }
        let targetStoredWidth = max(1, Int(scaledWidth))
        let targetStoredHeight = max(1, Int(scaledHeight))

        var image = try FrameLoader.open(input, format: report.format, sequential: true, failOnTruncated: true,
                                         shrink: shrinkOnLoad(report.format, max(storedScaleX, storedScaleY)))
        if image.height > report.storedHeight, report.pageCount > 1 {
            image = try image.extractArea(left: 0, top: 0, width: image.width, height: report.storedHeight)
        }
        image = try convertColour(image, report: report, actions: actions)
        if actions.contains(where: { if case .flatten = $0 { true } else { false } }) {
            image = try image.flatten(onto: options.background)
        }
        if image.width != targetStoredWidth || image.height != targetStoredHeight {
            image = try resize(image, toWidth: targetStoredWidth, height: targetStoredHeight, alpha: plan.keepsAlpha)
        }
        let needsRandomAccess = report.orientation != 1 || framing?.pad == .blur
            || [FixOptions.CropStrategy.attention, .entropy].contains(framing?.strategy)
        if needsRandomAccess {
            image = try image.copiedToMemory()
        }
        if report.orientation != 1 {
            image = try image.autorotate()
        }
        if let framing {
            if let fill = framing.pad {
                image = try pad(image, width: plan.width, height: plan.height, fill: fill, alpha: plan.keepsAlpha)
            } else if let strategy = framing.strategy {
                image = try crop(image, width: plan.width, height: plan.height, strategy: strategy)
            }
        }
        if image.width != plan.width || image.height != plan.height {
            // Rounding in the steps above can leave a pixel over or under; never ship that.
            image = try resize(image, toWidth: plan.width, height: plan.height, alpha: plan.keepsAlpha)
        }
        return try image.withoutMetadata()
    }

    /// JPEG decodes at 1/2, 1/4 or 1/8 and WebP at any scale for far less work and memory.
    private func shrinkOnLoad(_ format: ImageFormat, _ scale: Double) -> Int {
        guard format == .jpeg || format == .webp, scale > 0, scale <= 0.5 else { return 1 }
        var shrink = 1
        while shrink < 8, Double(shrink * 2) <= 1 / scale { shrink *= 2 }
        return shrink
    }

    private func convertColour(_ image: VipsImage, report: ImageReport, actions: [FixPlan.Action]) throws(FrameError) -> VipsImage {
        guard actions.contains(where: { if case .convertToSRGB = $0 { true } else { false } }) else { return image }
        var result = image
        if report.colourSpace == .cmyk {
            // The embedded profile when there is one; libvips' colourspace would ignore it.
            result = try image.iccToSRGB(fallbackProfile: "cmyk")
        } else if report.hasICCProfile, let converted = try? image.iccToSRGB(fallbackProfile: nil) {
            result = converted
        } else {
            _ = LibVips.takeErrorText()
            result = try image.colourspaceSRGB()
        }
        if result.colourSpace != .srgb || result.bands < 3 {
            result = try result.colourspaceSRGB()
        }
        return result.isUChar ? result : try result.castToUChar()
    }

    private func resize(_ image: VipsImage, toWidth width: Int, height: Int, alpha: Bool) throws(FrameError) -> VipsImage {
        // Nudge the scale by a hair so libvips' rounding lands on the exact size.
        let h = (Double(width) + 0.1) / Double(image.width)
        let v = (Double(height) + 0.1) / Double(image.height)
        guard alpha && image.hasAlpha else { return try image.resize(horizontal: h, vertical: v) }
        // Premultiplied, so transparent pixels' colour does not bleed into the edges.
        return try image.premultiply().resize(horizontal: h, vertical: v).unpremultiply().castToUChar()
    }

    private func crop(_ image: VipsImage, width: Int, height: Int, strategy: FixOptions.CropStrategy) throws(FrameError) -> VipsImage {
        let w = min(width, image.width), h = min(height, image.height)
        guard w != image.width || h != image.height else { return image }
        if strategy == .centre {
            return try image.extractArea(left: (image.width - w) / 2, top: (image.height - h) / 2, width: w, height: h)
        }
        return try image.smartCrop(width: w, height: h, strategy: strategy)
    }

    private func pad(_ image: VipsImage, width: Int, height: Int, fill: FixOptions.PadFill, alpha: Bool) throws(FrameError) -> VipsImage {
        let x = max(0, (width - image.width) / 2), y = max(0, (height - image.height) / 2)
        switch fill {
        case .colour(let colour):
            var background = [Double(colour.red), Double(colour.green), Double(colour.blue)]
            if image.bands == 4 { background.append(255) }
            return try image.embed(x: x, y: y, width: width, height: height, background: background)
        case .blur:
            // Blur a small copy and scale it up: the same look as blurring at full size, for a
            // tiny fraction of the work (a full-size blur's mask is hundreds of pixels wide).
            let small = 64.0
            let cover = max(Double(width) / Double(image.width), Double(height) / Double(image.height))
            let shrink = min(1, small / Double(max(width, height)))
            let scaled = try image.resize(horizontal: cover * shrink + 0.001, vertical: cover * shrink + 0.001)
                .gaussianBlur(sigma: 2)
            let grown = try scaled.resize(horizontal: (Double(width) + 0.5) / Double(scaled.width) * 1.0,
                                          vertical: (Double(height) + 0.5) / Double(scaled.height))
            let backdrop = try grown.extractArea(left: 0, top: 0, width: min(width, grown.width), height: min(height, grown.height))
            return try backdrop.inserting(image, x: x, y: y)
        }
    }
}
