import Foundation

/// Executes a ``FixPlan``: its steps, in its order, one libvips operation each, as one lazy
/// pipeline from the loader to the encoder. What ran is recorded as it runs, so a report can
/// state it rather than the intention.
///
/// Documented fusions (one step, more than one operation):
/// - `shrinkOnLoad` is the load itself (the loader's `shrink`/`scale` option).
/// - `convertToSRGB` is an ICC transform or a colourspace conversion, then a cast to 8 bits
///   when the conversion left more.
/// - `resize` with alpha kept is premultiply, resize, unpremultiply (so transparent pixels'
///   colour does not bleed into the edges).
/// - `pad` with a blurred fill builds its backdrop from a small blurred copy.
/// - `encode` removes the metadata an output must not carry, then saves; the byte budget may
///   add steps (a lower quality, another format, a smaller size), which are recorded too.
/// - A step that reads pixels out of order (rotation, smart crop, blurred pad) on a streamed
///   image renders the pipeline so far into memory first.
struct PlanRenderer {
    var policy: Policy
    var options: FixOptions

    struct Output {
        var bytes: Data
        var format: ImageFormat
        /// The steps that ran, in order: the plan's, and any the byte budget added.
        var executed: [FixPlan.Step]
        var notes: [String]
        /// What the output keeps of the input and where the picture lies in it.
        var geometry: FrameGeometry
    }

    func run(_ plan: FixPlan, on input: LoadedInput, report: ImageReport) throws(FrameError) -> Output {
        guard let encodeStep = plan.steps.last, case .encode(let format) = encodeStep.action else {
            throw FrameError(.processingFailed, "internal error: a plan that changes the bytes must end with an encode step")
        }
        var executed: [FixPlan.Step] = []
        var geometry = FrameGeometry(sourceWidth: report.width, sourceHeight: report.height)
        var notes: [String] = []
        let image = try pipeline(plan, input: input, report: report, geometry: &geometry, notes: &notes) { executed.append($0) }
        let encoded = try BudgetEncoder(policy: policy, startQuality: options.quality).encode(
            image, format: format, keepsAlpha: plan.keepsAlpha,
            again: { () throws(FrameError) in
                // The same steps again: what they note was noted the first time.
                var again = FrameGeometry(sourceWidth: report.width, sourceHeight: report.height)
                var notedAgain: [String] = []
                return try pipeline(plan, input: input, report: report, geometry: &again, notes: &notedAgain) { _ in }
            })
        executed.append(encodeStep)
        executed += encoded.extraSteps
        for case .resize(let width, let height) in encoded.extraSteps.map(\.action) {
            geometry.recordResize(toWidth: width, height: height)
        }
        return Output(bytes: encoded.bytes, format: encoded.format, executed: executed, notes: notes + encoded.notes, geometry: geometry)
    }

    /// Every step but the encode, in plan order; `ran` hears each step as it is applied,
    /// `geometry` records what each crop, pad and resize did, as libvips did it, and `notes`
    /// what a step could not do as planned but did otherwise (said, never silent).
    func pipeline(
        _ plan: FixPlan, input: LoadedInput, report: ImageReport, geometry: inout FrameGeometry, notes: inout [String],
        ran: (FixPlan.Step) -> Void
    ) throws(FrameError) -> VipsImage {
        let shrink =
            plan.steps.lazy.compactMap { step -> Int? in
                if case .shrinkOnLoad(let factor) = step.action { factor } else { nil }
            }.first ?? 1
        var image = try VipsLoader.open(input, format: report.format, sequential: true, failOnTruncated: true, shrink: shrink)
        for step in plan.steps {
            if case .encode = step.action { break }
            if Self.readsOutOfOrder(step.action), !image.readsInAnyOrder {
                image = try image.copiedToMemory()
            }
            image = try apply(step.action, to: image, report: report, plan: plan, geometry: &geometry, notes: &notes)
            ran(step)
        }
        guard image.width == plan.width, image.height == plan.height else {
            throw FrameError(
                .processingFailed,
                "internal error: the steps made \(image.width)×\(image.height), the plan says \(plan.width)×\(plan.height); please report this with the input"
            )
        }
        return try image.withoutMetadata()
    }

    static func readsOutOfOrder(_ action: FixPlan.Action) -> Bool {
        switch action {
        case .autorotate: true
        case .crop(_, _, let strategy): strategy != .centre
        case .pad(_, _, .blur): true
        default: false
        }
    }

    private func apply(
        _ action: FixPlan.Action, to image: VipsImage, report: ImageReport, plan: FixPlan,
        geometry: inout FrameGeometry, notes: inout [String]
    ) throws(FrameError) -> VipsImage {
        switch action {
        case .shrinkOnLoad:
            // Done by the loader: the image is already decoded at that scale.
            return image
        case .firstPage:
            let page = image.pageHeight > 0 && image.pageHeight < image.height ? image.pageHeight : image.height
            return try page < image.height ? image.extractArea(left: 0, top: 0, width: image.width, height: page) : image
        case .autorotate:
            return try image.autorotate()
        case .convertToSRGB:
            return try convertColour(image, report: report, notes: &notes)
        case .flatten(let colour):
            return try image.flatten(onto: colour)
        case .crop(let width, let height, let strategy):
            let (scaledWidth, scaledHeight) = scaled(width, height, to: image, report: report)
            let w = min(scaledWidth, image.width)
            let h = min(scaledHeight, image.height)
            guard w != image.width || h != image.height else { return image }
            let cropped =
                if strategy == .centre {
                    (
                        image: try image.extractArea(left: (image.width - w) / 2, top: (image.height - h) / 2, width: w, height: h),
                        left: (image.width - w) / 2, top: (image.height - h) / 2
                    )
                } else {
                    try image.smartCrop(width: w, height: h, strategy: strategy)
                }
            geometry.recordCrop(PixelRect(x: cropped.left, y: cropped.top, width: w, height: h), ofWidth: image.width, height: image.height)
            return cropped.image
        case .pad(let width, let height, let fill):
            let (w, h) = scaled(width, height, to: image, report: report)
            let padded = try pad(image, width: w, height: h, fill: fill, alpha: plan.keepsAlpha)
            geometry.recordPad(
                placing: PixelRect(x: padded.x, y: padded.y, width: image.width, height: image.height),
                canvasWidth: padded.image.width, canvasHeight: padded.image.height)
            return padded.image
        case .resize(let width, let height):
            let resized = try resize(image, toWidth: width, height: height, alpha: plan.keepsAlpha)
            geometry.recordResize(toWidth: resized.width, height: resized.height)
            return resized
        case .encode:
            return image
        }
    }

    /// A size in the input's displayed pixels, at the image's current scale (after a
    /// shrink-on-load); clamped for a crop, which cannot keep more than there is.
    private func scaled(_ width: Int, _ height: Int, to image: VipsImage, report: ImageReport) -> (Int, Int) {
        guard image.width != report.width || image.height != report.height else { return (width, height) }
        let w = Int((Double(width) * Double(image.width) / Double(report.width)).rounded())
        let h = Int((Double(height) * Double(image.height) / Double(report.height)).rounded())
        return (max(1, w), max(1, h))
    }

    private func convertColour(_ image: VipsImage, report: ImageReport, notes: inout [String]) throws(FrameError) -> VipsImage {
        var result = image
        if report.colourSpace == .cmyk {
            // The embedded profile when there is one; libvips' colourspace would ignore it.
            result = try image.iccToSRGB(fallbackProfile: "cmyk")
        } else if report.hasICCProfile {
            do {
                result = try image.iccToSRGB(fallbackProfile: nil)
            } catch {
                // A profile libvips cannot use: converted as an image without one would be,
                // and said, since its colours may differ from what the profile meant.
                notes.append("the embedded colour profile could not be used (\(error.message)); the colours were converted without it")
                result = try image.colourspaceSRGB()
            }
        } else {
            result = try image.colourspaceSRGB()
        }
        if result.colourSpace != .srgb || result.bands < 3 {
            result = try result.colourspaceSRGB()
        }
        return result.isUChar ? result : try result.castToUChar()
    }

    func resize(_ image: VipsImage, toWidth width: Int, height: Int, alpha: Bool) throws(FrameError) -> VipsImage {
        guard image.width != width || image.height != height else { return image }
        // Nudge the scale by a hair so libvips' rounding lands on the exact size.
        let h = (Double(width) + 0.1) / Double(image.width)
        let v = (Double(height) + 0.1) / Double(image.height)
        guard alpha && image.hasAlpha else { return try image.resize(horizontal: h, vertical: v) }
        // Premultiplied, so transparent pixels' colour does not bleed into the edges.
        return try image.premultiply().resize(horizontal: h, vertical: v).unpremultiply().castToUChar()
    }

    /// The blurred backdrop is built this small and scaled up: the same look as blurring at full
    /// size, for a tiny fraction of the work (a full-size blur's mask is hundreds of pixels wide).
    static let blurBackdropSide = 64.0
    static let blurSigma = 2.0

    /// The padded image, and where the picture was placed on it.
    private func pad(
        _ image: VipsImage, width: Int, height: Int, fill: FixOptions.PadFill,
        alpha: Bool
    ) throws(FrameError) -> (image: VipsImage, x: Int, y: Int) {
        let x = max(0, (width - image.width) / 2)
        let y = max(0, (height - image.height) / 2)
        switch fill {
        case .colour(let colour):
            var background = [Double(colour.red), Double(colour.green), Double(colour.blue)]
            if image.bands == 4 { background.append(255) }
            return (try image.embed(x: x, y: y, width: width, height: height, background: background), x, y)
        case .blur:
            let cover = max(Double(width) / Double(image.width), Double(height) / Double(image.height))
            let shrink = min(1, Self.blurBackdropSide / Double(max(width, height)))
            let scaled = try image.resize(horizontal: cover * shrink + 0.001, vertical: cover * shrink + 0.001)
                .gaussianBlur(sigma: Self.blurSigma)
            let grown = try scaled.resize(
                horizontal: (Double(width) + 0.5) / Double(scaled.width),
                vertical: (Double(height) + 0.5) / Double(scaled.height))
            let backdrop = try grown.extractArea(left: 0, top: 0, width: min(width, grown.width), height: min(height, grown.height))
            return (try backdrop.inserting(image, x: x, y: y), x, y)
        }
    }
}
