/// Turns a header report, the rules and the user's options into a ``FixPlan``: the smallest
/// change that makes the frame compliant. Pure Swift, so every decision is unit-tested.
public struct FixPlanner: Sendable {
    public var policy: Policy
    public var options: FixOptions

    public init(policy: Policy = .seedance, options: FixOptions = FixOptions()) {
        self.policy = policy
        self.options = options
    }

    /// The geometry a last frame must match: the first frame's output size.
    public struct Target: Sendable, Hashable, Codable {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    public func plan(for report: ImageReport, matching first: Target? = nil) throws(FrameError) -> FixPlan {
        guard report.isDecodable else {
            throw FrameError(
                .unsupportedFormat, "\(report.format.rawValue) is not decoded here (untrusted libvips loader); export it as PNG or JPEG first",
                source: report.source)
        }
        guard report.pixelCount <= policy.maxPixels else {
            throw FrameError(
                .tooLargeToDecode, "\(report.width)×\(report.height) is over the \(policy.maxPixels)-pixel safety limit", source: report.source)
        }
        var steps: [FixPlan.Step] = []
        let geometry = planGeometry(report, matching: first)
        if geometry.framedWidth * geometry.framedHeight > policy.maxPixels {
            throw FrameError(
                .cannotComply,
                "\(report.width)×\(report.height) is too extreme to pad: the \(geometry.framedWidth)×\(geometry.framedHeight) canvas is over the \(policy.maxPixels)-pixel safety limit; crop instead, or crop it with a tool you trust first",
                source: report.source)
        }
        let colourStep = colourConversion(report)
        let formatChange = options.format.map { $0 != report.format } ?? false
        let mustReencode =
            !policy.acceptedFormats.contains(report.format)
            || report.orientation != 1
            || colourStep.required
            || !geometry.steps.isEmpty
            || !policy.acceptsBytes(report.bytes, format: report.format)
            || formatChange

        let format = outputFormat(for: report, width: geometry.width, height: geometry.height)
        let keepsAlpha = report.hasAlpha && options.keepAlpha && format != .jpeg
        guard mustReencode else {
            return FixPlan(steps: [], width: report.width, height: report.height, format: report.format, keepsAlpha: report.hasAlpha)
        }
        steps += loadSteps(report, geometry)
        if let step = colourStep.step { steps.append(step) }
        if report.hasAlpha && !keepsAlpha {
            steps.append(
                .init(
                    action: .flatten(onto: options.background),
                    reason: options.keepAlpha
                        ? "\(format.rawValue) has no alpha channel" : "transparency would be flattened onto black by the server or the encoder"))
        }
        steps += geometry.steps
        steps.append(
            .init(
                action: .encode(format),
                reason: encodeReason(report, format: format, formatChange: formatChange, width: geometry.width, height: geometry.height)))
        return FixPlan(steps: steps, width: geometry.width, height: geometry.height, format: format, keepsAlpha: keepsAlpha)
    }

    /// Decoding the picture as displayed: shrink-on-load when the output allows, the first page,
    /// the EXIF orientation applied.
    func loadSteps(_ report: ImageReport, _ geometry: Geometry) -> [FixPlan.Step] {
        var steps: [FixPlan.Step] = []
        if let factor = shrinkOnLoad(report, geometry) {
            steps.append(
                .init(
                    action: .shrinkOnLoad(factor: factor),
                    reason:
                        "the output is under 1/\(factor) of the input's size: \(report.format.rawValue) decodes at 1/\(factor) for a fraction of the work and memory"
                ))
        }
        if report.pageCount > 1 {
            steps.append(.init(action: .firstPage(of: report.pageCount), reason: "the picture is one frame of \(report.pageCount)"))
        }
        if report.orientation != 1 {
            steps.append(.init(action: .autorotate(orientation: report.orientation), reason: "the model may ignore the EXIF orientation tag"))
        }
        return steps
    }

    /// JPEG decodes at 1/2, 1/4 or 1/8 and WebP at any scale for far less work and memory; used
    /// when the output is at most half the framed picture, with the largest factor that does not
    /// go below the output's size (the final resize does the rest, under 2×).
    func shrinkOnLoad(_ report: ImageReport, _ geometry: Geometry) -> Int? {
        guard report.format == .jpeg || report.format == .webp, geometry.framedWidth > 0, geometry.framedHeight > 0 else { return nil }
        let scale = max(Double(geometry.width) / Double(geometry.framedWidth), Double(geometry.height) / Double(geometry.framedHeight))
        guard scale > 0, scale <= 0.5 else { return nil }
        var shrink = 1
        while shrink < 8, Double(shrink * 2) <= 1 / scale { shrink *= 2 }
        return shrink
    }

    private func outputFormat(for report: ImageReport, width: Int, height: Int) -> ImageFormat {
        var format: ImageFormat
        if let requested = options.format {
            format = requested
        } else if FixOptions.outputFormats.contains(report.format), policy.acceptedFormats.contains(report.format) {
            format = report.format
        } else {
            format = .jpeg
        }
        if report.hasAlpha && options.keepAlpha && format == .jpeg && options.format == nil { format = .png }
        if format == .png, options.format == nil, !(report.hasAlpha && options.keepAlpha),
            predictedPNGBytes(report, width: width, height: height) >= policy.fileBytesBelow * 3 / 4
        {
            // A lossless PNG this large cannot trade quality for size: encoding it only to find it
            // over the budget costs seconds and hundreds of megabytes. JPEG at once.
            format = .jpeg
        }
        return format
    }

    /// A PNG input's bytes per pixel carried over to the output size: PNG of the same picture
    /// compresses alike at any scale, closely enough to know a photo will not fit.
    func predictedPNGBytes(_ report: ImageReport, width: Int, height: Int) -> Int {
        guard report.format == .png, report.pixelCount > 0 else { return 0 }
        return Int(Double(report.bytes) * Double(width * height) / Double(report.pixelCount))
    }

    private func encodeReason(_ report: ImageReport, format: ImageFormat, formatChange: Bool, width: Int, height: Int) -> String {
        if formatChange { return "\(format.rawValue) was asked for as the output format" }
        if !policy.acceptedFormats.contains(report.format) { return "\(report.format.rawValue) is not accepted" }
        if report.format == .png && format == .jpeg {
            return "as PNG it would be about \(predictedPNGBytes(report, width: width, height: height)) bytes, near or over the budget; JPEG fits"
        }
        if format != report.format { return "\(report.format.rawValue) cannot be written here; \(format.rawValue) keeps the quality" }
        return "the pixels changed, or the bytes are over the budget"
    }

    func colourConversion(_ report: ImageReport) -> (step: FixPlan.Step?, required: Bool) {
        let required = [.cmyk, .lab, .scrgb, .other].contains(report.colourSpace)
        let optional = report.hasICCProfile || report.bitsPerSample != 8 || report.colourSpace == .grey
        guard required || optional else { return (nil, false) }
        let reason = required ? "the API and the model expect RGB" : "outputs are plain 8-bit sRGB"
        let step = FixPlan.Step(
            action: .convertToSRGB(from: report.colourSpace, bits: report.bitsPerSample, viaEmbeddedProfile: report.hasICCProfile),
            reason: reason)
        return (step, required)
    }
}
