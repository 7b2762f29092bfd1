internal import CVipsShim
import Foundation

/// Reads what the rules need from an input's header, never its pixels: a 40000×40000 PNG is
/// answered from its first bytes, and a pixel limit guards everything that decodes later.
public struct FrameInspector: Sendable {
    public var policy: Policy

    public init(policy: Policy = .seedance) {
        self.policy = policy
    }

    public func inspect(_ input: ImageInput) throws(FrameError) -> ImageReport {
        try inspect(LoadedInput.load(input, maxBytes: policy.maxInputBytes))
    }

    func inspect(_ input: LoadedInput) throws(FrameError) -> ImageReport {
        guard let format = FormatSniffer.format(of: input.head) else {
            throw FrameError(.notAnImage, "not an image: the first bytes match no known image format (the API takes JPEG, PNG, WebP, BMP, TIFF or GIF)", source: input.name)
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
            let image = try FrameLoader.open(input, format: format, sequential: true, failOnTruncated: false)
            let pageHeight = image.pageHeight > 0 && image.pageHeight <= image.height ? image.pageHeight : image.height
            report.storedWidth = image.width
            report.storedHeight = pageHeight
            report.orientation = (1...8).contains(image.orientation) ? image.orientation : 1
            let swap = report.orientationSwapsSides
            report.width = swap ? pageHeight : image.width
            report.height = swap ? image.width : pageHeight
            report.colourSpace = image.colourSpace
            report.bitsPerSample = image.bitsPerSample
            report.bands = image.bands
            report.hasAlpha = image.hasAlpha
            report.pageCount = max(1, image.pageCount)
            report.hasICCProfile = image.hasICCProfile
            report.isInterlaced = image.isInterlaced
            return report
        }
    }
}
