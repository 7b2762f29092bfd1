/// Judges a header report against a ``Policy``: pure, no libvips, microseconds per frame.
public struct RuleChecker: Sendable {
    public var policy: Policy

    public init(policy: Policy = .seedance) {
        self.policy = policy
    }

    /// Every finding for one frame. `first` is the first frame's report when judging the last.
    public func findings(for report: ImageReport, matching first: ImageReport? = nil, strict: Bool = false) -> [Finding] {
        var found: [Finding] = []
        found += formatFindings(report)
        guard report.isDecodable else { return found }
        if report.pixelCount > policy.maxPixels {
            found.append(
                Finding(
                    rule: .tooLargeToDecode, severity: .violation,
                    message:
                        "\(report.width)×\(report.height) is \(Self.megapixels(report.pixelCount)) MP, over the \(Self.megapixels(policy.maxPixels)) MP safety limit: decoding it could exhaust memory; shrink it with a tool you trust, or raise the limit",
                    value: "\(report.pixelCount)", limit: "\(policy.maxPixels)", fixable: false, remedy: .raisePixelLimit))
            // Nothing else matters for a frame we refuse to decode, and "fix downscales" would mislead.
            return found
        }
        found += geometryFindings(report)
        found += byteFindings(report)
        found += pixelFindings(report)
        if let first {
            found += lastFrameFindings(report, first: first, strict: strict)
        }
        return found
    }

    private func formatFindings(_ report: ImageReport) -> [Finding] {
        var found: [Finding] = []
        let accepted = policy.acceptedFormats.map(\.rawValue).sorted().joined(separator: "|")
        if !policy.acceptedFormats.contains(report.format) {
            if report.isDecodable {
                found.append(
                    Finding(
                        rule: .format, severity: .violation,
                        message: "\(report.format.rawValue) is not accepted by the API; fix converts it to JPEG",
                        value: report.format.rawValue, limit: accepted))
            } else {
                found.append(
                    Finding(
                        rule: .format, severity: .violation,
                        message:
                            "\(report.format.rawValue) is not accepted by the API, and we do not decode it (its libvips loader is untrusted); export it as PNG or JPEG first",
                        value: report.format.rawValue, limit: accepted, fixable: false))
            }
        }
        if report.declaredTypeDisagrees, let declared = report.declaredType {
            found.append(
                Finding(
                    rule: .declaredType, severity: .note,
                    message: "named \"\(declared)\" but the bytes are \(report.format.rawValue); we go by the bytes",
                    value: report.format.rawValue, limit: declared))
        }
        return found
    }

    private func geometryFindings(_ report: ImageReport) -> [Finding] {
        var found: [Finding] = []
        for (rule, side, value) in [(Rule.width, "width", report.width), (Rule.height, "height", report.height)] {
            if value <= policy.sideAbove {
                found.append(
                    Finding(
                        rule: rule, severity: .violation,
                        message: "\(side) \(value) px is not above \(policy.sideAbove) px; fix upscales to at least \(policy.sideAbove + 1) px",
                        value: "\(value)", limit: ">\(policy.sideAbove)"))
            } else if value >= policy.sideBelow {
                found.append(
                    Finding(
                        rule: rule, severity: .violation,
                        message: "\(side) \(value) px is not below \(policy.sideBelow) px; fix downscales to at most \(policy.sideBelow - 1) px",
                        value: "\(value)", limit: "<\(policy.sideBelow)"))
            }
        }
        if !policy.acceptsAspect(width: report.width, height: report.height) {
            let aspect = Double(report.width) / Double(report.height)
            found.append(
                Finding(
                    rule: .aspectRatio, severity: .violation,
                    message:
                        "width/height \(Self.decimal(aspect)) (\(report.width)×\(report.height)) is not strictly between \(Self.decimal(policy.aspectAbove.value)) and \(Self.decimal(policy.aspectBelow.value)); fix crops to the nearest allowed aspect, or pads when asked to",
                    value: Self.decimal(aspect, places: 4),
                    limit: "(\(Self.decimal(policy.aspectAbove.value)), \(Self.decimal(policy.aspectBelow.value)))",
                    remedy: .padInsteadOfCrop))
        }
        return found
    }

    private func byteFindings(_ report: ImageReport) -> [Finding] {
        var found: [Finding] = []
        if report.bytes >= policy.fileBytesBelow {
            found.append(
                Finding(
                    rule: .fileSize, severity: .violation,
                    message: "the file is \(report.bytes) bytes, not under \(policy.fileBytesBelow); fix re-encodes it to fit",
                    value: "\(report.bytes)", limit: "<\(policy.fileBytesBelow)"))
        }
        if report.payloadBytes >= policy.payloadBytesBelow {
            found.append(
                Finding(
                    rule: .payloadSize, severity: .violation,
                    message:
                        "as a base64 data URI it is \(report.payloadBytes) bytes, not under \(policy.payloadBytesBelow); fix re-encodes it to fit (an http(s) URL input is sent as the URL instead)",
                    value: "\(report.payloadBytes)", limit: "<\(policy.payloadBytesBelow)"))
        }
        return found
    }

    private func pixelFindings(_ report: ImageReport) -> [Finding] {
        var found: [Finding] = []
        if report.orientation != 1 {
            found.append(
                Finding(
                    rule: .orientation, severity: .violation,
                    message:
                        "EXIF orientation \(report.orientation): the model may ignore the tag and animate the picture \(report.orientationSwapsSides ? "sideways" : "mirrored or upside down"); fix turns the pixels upright and drops the tag",
                    value: "\(report.orientation)", limit: "1"))
        }
        switch report.colourSpace {
        case .cmyk:
            found.append(
                Finding(
                    rule: .colourSpace, severity: .violation,
                    message:
                        "CMYK: the API and the model expect RGB, and colours come out wrong or the upload is refused; fix converts to sRGB through \(report.hasICCProfile ? "the embedded ICC profile" : "a standard CMYK profile (none is embedded)")",
                    value: "cmyk", limit: "srgb|grey"))
        case .lab, .scrgb, .other:
            found.append(
                Finding(
                    rule: .colourSpace, severity: .violation,
                    message: "colour space \(report.colourSpace.rawValue) is not RGB; fix converts to 8-bit sRGB",
                    value: report.colourSpace.rawValue, limit: "srgb|grey"))
        case .srgb, .grey:
            if report.hasICCProfile {
                found.append(
                    Finding(
                        rule: .colourSpace, severity: .note,
                        message: "has an embedded ICC profile; if fix re-encodes, it converts the pixels to sRGB through it"))
            }
        }
        if report.bitsPerSample > 8 {
            found.append(
                Finding(
                    rule: .bitDepth, severity: .note,
                    message: "\(report.bitsPerSample) bits per sample; if fix re-encodes, it converts to 8-bit without clipping",
                    value: "\(report.bitsPerSample)", limit: "8"))
        }
        if report.hasAlpha {
            found.append(
                Finding(
                    rule: .alpha, severity: .note,
                    message:
                        "has transparency; if fix re-encodes, it flattens onto the background colour (white unless another is chosen), or keeps it in PNG or WebP when asked to",
                    remedy: .chooseBackgroundOrKeepAlpha))
        }
        if report.pageCount > 1 {
            found.append(
                Finding(
                    rule: .animation, severity: .note,
                    message: "\(report.pageCount) frames or pages; only the first is used as the picture",
                    value: "\(report.pageCount)", limit: "1"))
        }
        return found
    }

    private func lastFrameFindings(_ report: ImageReport, first: ImageReport, strict: Bool) -> [Finding] {
        guard first.width > 0, first.height > 0, report.width > 0, report.height > 0 else { return [] }
        let expectedWidth = Double(report.height) * Double(first.width) / Double(first.height)
        guard abs(expectedWidth - Double(report.width)) > 1 else { return [] }
        let firstAspect = Double(first.width) / Double(first.height)
        let lastAspect = Double(report.width) / Double(report.height)
        return [
            Finding(
                rule: .lastFrameAspect, severity: strict ? .violation : .note,
                message:
                    "aspect \(Self.decimal(lastAspect)) differs from the first frame's \(Self.decimal(firstAspect)) (\(first.width)×\(first.height)); the server would crop it where it likes, fix crops it to match (attention crop by default)",
                value: Self.decimal(lastAspect, places: 4), limit: Self.decimal(firstAspect, places: 4))
        ]
    }

    static func decimal(_ value: Double, places: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    static func megapixels(_ pixels: Int) -> String { decimal(Double(pixels) / 1_000_000, places: 1) }
}
