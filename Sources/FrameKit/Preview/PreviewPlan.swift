/// The plan for a preview picture, run by the same renderer as a fix (so orientation, colour and
/// alpha are handled exactly as a fix handles them): decoded small when the format allows
/// (shrink-on-load), one page, upright, 8-bit sRGB, flattened, resized to `width`×`height`.
extension FixPlanner {
    func previewPlan(for report: ImageReport, width: Int, height: Int) -> FixPlan {
        let geometry = Geometry(width: width, height: height, framedWidth: report.width, framedHeight: report.height)
        var steps = loadSteps(report, geometry)
        if let step = colourConversion(report).step { steps.append(step) }
        if report.hasAlpha {
            steps.append(.init(action: .flatten(onto: options.background), reason: "previews are opaque"))
        }
        if (width, height) != (report.width, report.height) {
            steps.append(.init(action: .resize(width: width, height: height), reason: "preview size"))
        }
        steps.append(.init(action: .encode(.png), reason: "preview"))
        return FixPlan(steps: steps, width: width, height: height, format: .png, keepsAlpha: false)
    }
}

/// Sizes for previews: a picture scaled to fit a box, its aspect kept.
public enum PreviewFit {
    /// `width`×`height` scaled (up or down) to fit `maxWidth`×`maxHeight`, each side at least 1.
    public static func size(width: Int, height: Int, maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int) {
        guard width > 0, height > 0 else { return (1, 1) }
        let scale = min(Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }
}
