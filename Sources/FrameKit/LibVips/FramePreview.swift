public import Foundation

/// Pictures of what a fix does, drawn with libvips: the original with the region a crop keeps
/// outlined (what is dropped washed out), or placed as the frame sent places it with a pad's
/// added area shaded; and thumbnails of prepared frames. Originals are decoded through the same
/// renderer as a fix (shrink-on-load, first page, orientation, colour, alpha), so what is shown
/// is what the fix started from.
public struct FramePreview: Sendable {
    public var policy: Policy
    public var style: PreviewStyle

    public init(policy: Policy = .seedance, style: PreviewStyle = PreviewStyle()) {
        self.policy = policy
        self.style = style
    }

    /// The original, fitted into `maxWidth`×`maxHeight`, annotated with `geometry` (a prepared
    /// frame's ``PreparedFrame/geometry``): a crop's kept region outlined; for a pad, the
    /// original placed in a picture of the sent frame's shape, the added area tinted and hatched.
    public func annotatedOriginal(of input: ImageInput, geometry: FrameGeometry, maxWidth: Int, maxHeight: Int) throws(FrameError) -> PreviewImage {
        try annotatedOriginal(of: FrameInspector(policy: policy).inspectFrame(input), geometry: geometry, maxWidth: maxWidth, maxHeight: maxHeight)
    }

    public func annotatedOriginal(of frame: InspectedFrame, geometry: FrameGeometry, maxWidth: Int, maxHeight: Int) throws(FrameError) -> PreviewImage
    {
        let report = frame.report
        guard (report.width, report.height) == (geometry.sourceWidth, geometry.sourceHeight) else {
            throw FrameError(
                .processingFailed,
                "internal error: the geometry is for a \(geometry.sourceWidth)×\(geometry.sourceHeight) picture, this one is \(report.width)×\(report.height)",
                source: report.source)
        }
        if let placement = geometry.placement {
            return try padded(frame, geometry: geometry, placement: placement, maxWidth: maxWidth, maxHeight: maxHeight)
        }
        let size = PreviewFit.size(width: report.width, height: report.height, maxWidth: maxWidth, maxHeight: maxHeight)
        let thumbnail = try render(frame, width: size.width, height: size.height)
        guard geometry.isCropped else { return PreviewImage(image: try thumbnail.drawableCopy()) }
        let outline = geometry.keptRegion.scaled(from: report.width, report.height, to: size.width, size.height)
        // What is dropped is washed out; the kept region is pasted back at full strength.
        let kept = try thumbnail.extractArea(left: outline.x, top: outline.y, width: outline.width, height: outline.height)
        let annotated = try thumbnail.washedOut(style.discardedWash).inserting(kept, x: outline.x, y: outline.y).drawableCopy()
        try drawOutline(outline, on: annotated)
        return PreviewImage(image: annotated, outline: outline)
    }

    /// The prepared frame's bytes (or any image's), fitted into `maxWidth`×`maxHeight`.
    public func thumbnail(of bytes: Data, name: String = "prepared frame", maxWidth: Int, maxHeight: Int) throws(FrameError) -> PreviewImage {
        try thumbnail(of: .bytes(bytes, name: name), maxWidth: maxWidth, maxHeight: maxHeight)
    }

    public func thumbnail(of input: ImageInput, maxWidth: Int, maxHeight: Int) throws(FrameError) -> PreviewImage {
        let frame = try FrameInspector(policy: policy).inspectFrame(input)
        let size = PreviewFit.size(width: frame.report.width, height: frame.report.height, maxWidth: maxWidth, maxHeight: maxHeight)
        return PreviewImage(image: try render(frame, width: size.width, height: size.height).drawableCopy())
    }

    /// The same, fitted into a `maxSide`×`maxSide` square (thumbnails for a report).
    public func annotatedOriginal(of input: ImageInput, geometry: FrameGeometry, maxSide: Int) throws(FrameError) -> PreviewImage {
        try annotatedOriginal(of: input, geometry: geometry, maxWidth: maxSide, maxHeight: maxSide)
    }

    public func thumbnail(of bytes: Data, maxSide: Int) throws(FrameError) -> PreviewImage {
        try thumbnail(of: bytes, maxWidth: maxSide, maxHeight: maxSide)
    }

    /// The colour ring on the rectangle's edge pixels, `outlineWidth` wide, between dark lines
    /// one pixel outside and one inside it.
    private func drawOutline(_ rect: PixelRect, on image: VipsImage) throws(FrameError) {
        try image.strokeRect(rect.inset(by: -1), style.outlineEdge)
        for inset in 0..<style.outlineWidth { try image.strokeRect(rect.inset(by: inset), style.outline) }
        try image.strokeRect(rect.inset(by: style.outlineWidth), style.outlineEdge)
    }

    private func padded(
        _ frame: InspectedFrame, geometry: FrameGeometry, placement: PixelRect,
        maxWidth: Int, maxHeight: Int
    ) throws(FrameError) -> PreviewImage {
        let size = PreviewFit.size(width: geometry.outputWidth, height: geometry.outputHeight, maxWidth: maxWidth, maxHeight: maxHeight)
        let picture = placement.scaled(from: geometry.outputWidth, geometry.outputHeight, to: size.width, size.height)
        // The original at the scale its kept region has in the picture, then that region.
        let kept = geometry.keptRegion
        let whole = PixelRect(width: geometry.sourceWidth, height: geometry.sourceHeight)
            .scaled(from: kept.width, kept.height, to: picture.width, picture.height)
        let keptHere = kept.scaled(from: kept.width, kept.height, to: picture.width, picture.height)
        var original = try render(frame, width: max(1, whole.width), height: max(1, whole.height))
        if (original.width, original.height) != (picture.width, picture.height) {
            let width = min(picture.width, original.width)
            let height = min(picture.height, original.height)
            original = try original.extractArea(
                left: max(0, min(keptHere.x, original.width - width)), top: max(0, min(keptHere.y, original.height - height)),
                width: width, height: height)
        }
        let canvas = try VipsImage.canvas(width: size.width, height: size.height, colour: style.padTint)
        let spacing = max(2, style.hatchSpacing)
        for start in stride(from: -size.height, through: size.width, by: spacing) {
            try canvas.drawLine(from: (start, 0), to: (start + size.height, size.height), style.padHatch)
        }
        let annotated = try canvas.inserting(original, x: picture.x, y: picture.y).drawableCopy()
        return PreviewImage(image: annotated, picture: picture)
    }

    /// The input as displayed, 8-bit sRGB and opaque, at `width`×`height`: the preview plan run
    /// by the fix's own renderer.
    func render(_ frame: InspectedFrame, width: Int, height: Int) throws(FrameError) -> VipsImage {
        let report = frame.report
        guard report.isDecodable else {
            throw FrameError(.unsupportedFormat, "\(report.format.rawValue) is not decoded here", source: report.source)
        }
        guard report.pixelCount <= policy.maxPixels else {
            throw FrameError(
                .tooLargeToDecode, "\(report.width)×\(report.height) is over the \(policy.maxPixels)-pixel safety limit", source: report.source)
        }
        let options = FixOptions(background: style.background)
        let plan = FixPlanner(policy: policy, options: options).previewPlan(for: report, width: width, height: height)
        var geometry = FrameGeometry(sourceWidth: report.width, sourceHeight: report.height)
        // A preview's drawing of the original: what its steps note is the frame's report's to say.
        var notes: [String] = []
        do {
            let image = try PlanRenderer(policy: policy, options: options).pipeline(
                plan, input: frame.input, report: report, geometry: &geometry, notes: &notes
            ) { _ in }
            return image.bands == 3 ? image : try image.colourspaceSRGB().castToUChar()
        } catch {
            throw FrameError(error.kind, error.message, source: error.source ?? report.source)
        }
    }
}
