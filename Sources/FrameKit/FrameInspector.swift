/// Reads what the rules need from an input's header, never its pixels: a 40000×40000 PNG is
/// answered from its first bytes, and a pixel limit guards everything that decodes later.
public struct FrameInspector: Sendable {
    public var policy: Policy

    public init(policy: Policy = .seedance) {
        self.policy = policy
    }

    public func inspect(_ input: ImageInput) throws(FrameError) -> ImageReport {
        try inspectFrame(input).report
    }

    /// Reads the input and its header once; the result goes on to ``FrameFixer/prepare(_:role:matching:)``
    /// without being read or inspected again.
    public func inspectFrame(_ input: ImageInput) throws(FrameError) -> InspectedFrame {
        let loaded = try LoadedInput.load(input, maxBytes: policy.maxInputBytes)
        let (report, warnings) = try VipsWarnings.collecting { () throws(FrameError) in try inspect(loaded) }
        return InspectedFrame(input: loaded, report: report, warnings: warnings)
    }

    func inspect(_ input: LoadedInput) throws(FrameError) -> ImageReport {
        guard let format = FormatSniffer.format(of: input.head) else {
            throw FrameError(
                .notAnImage, "not an image: the first bytes match no known image format (the API takes JPEG, PNG, WebP, BMP, TIFF or GIF)",
                source: input.name)
        }
        var report = ImageReport(
            source: input.name, format: format, declaredType: input.declaredType,
            width: 0, height: 0, storedWidth: 0, storedHeight: 0,
            bytes: input.byteCount, payloadBytes: Policy.payloadBytes(forFileBytes: input.byteCount, format: format),
            orientation: 1, colourSpace: .srgb, bitsPerSample: 8, bands: 3, hasAlpha: false,
            pageCount: 1, hasICCProfile: false, isInterlaced: false, isDecodable: true
        )
        switch format {
        case .svg, .pdf, .jpeg2000, .jpegXL:
            // libvips marks these loaders untrusted; we do not run them on untrusted input.
            report.isDecodable = false
            return report
        case .bmp:
            guard let header = BMPHeader(input.head) else {
                throw FrameError(.notAnImage, "corrupt BMP header (width, height or bit depth out of range)", source: input.name)
            }
            report.width = header.width
            report.height = header.height
            report.storedWidth = header.width
            report.storedHeight = header.height
            report.hasAlpha = header.hasAlphaMask
            report.bands = header.hasAlphaMask ? 4 : 3
            report.bitsPerSample = 8
            return report
        case .jpeg, .png, .webp, .tiff, .gif, .heif, .avif:
            if format == .png { try PNGChunks.validate(input) }
            let image = try VipsLoader.open(input, format: format, sequential: true, failOnTruncated: false)
            report.read(header: image)
            return report
        }
    }
}
