/// The crop, pad and resize part of a plan, in displayed coordinates.
extension FixPlanner {
    struct Geometry {
        var steps: [FixPlan.Step] = []
        /// The output size.
        var width: Int
        var height: Int
        /// The size after the crop or pad, before the final resize.
        var framedWidth: Int
        var framedHeight: Int
    }

    func planGeometry(_ report: ImageReport, matching first: Target?) -> Geometry {
        var geometry = Geometry(width: report.width, height: report.height, framedWidth: report.width, framedHeight: report.height)
        let target: (aspect: AspectRatio, reason: String)? =
            if let first {
                (
                    AspectRatio(width: first.width, height: first.height),
                    "match the first frame's aspect \(first.width)×\(first.height), so the server does not crop it"
                )
            } else if let video = options.video, let aspect = video.aspect {
                (aspect, "the video is \(video.label), so the server would centre-crop it")
            } else { nil }

        if let target {
            reframe(&geometry, to: target.aspect, reason: target.reason)
        } else if !policy.acceptsAspect(width: report.width, height: report.height) {
            reframeIntoPolicy(&geometry)
        }

        let framedWidth = geometry.width
        let framedHeight = geometry.height
        geometry.framedWidth = framedWidth
        geometry.framedHeight = framedHeight
        let (width, height, reason) = scaledSize(width: framedWidth, height: framedHeight, matching: first)
        if (width, height) != (framedWidth, framedHeight) {
            geometry.steps.append(.init(action: .resize(width: width, height: height), reason: reason))
            geometry.width = width
            geometry.height = height
        }
        return geometry
    }

    /// Crops or pads to exactly `aspect`; a difference within one pixel is left alone.
    private func reframe(_ geometry: inout Geometry, to aspect: AspectRatio, reason: String) {
        let w = geometry.width
        let h = geometry.height
        let widthForHeight = Int((Double(h) * aspect.value).rounded())
        let heightForWidth = Int((Double(w) / aspect.value).rounded())
        guard abs(widthForHeight - w) > 1 && abs(heightForWidth - h) > 1 else { return }
        let tooWide = w * aspect.height > h * aspect.width
        switch options.framing {
        case .crop(let strategy):
            let size = tooWide ? (widthForHeight, h) : (w, heightForWidth)
            apply(.crop(width: size.0, height: size.1, strategy: strategy), reason: reason, to: &geometry, size: size)
        case .pad(let fill):
            let size = tooWide ? (w, heightForWidth) : (widthForHeight, h)
            apply(.pad(width: size.0, height: size.1, fill: fill), reason: reason, to: &geometry, size: size)
        }
    }

    /// Crops or pads just past the policy's aspect bound: the smallest change that passes.
    private func reframeIntoPolicy(_ geometry: inout Geometry) {
        let w = geometry.width
        let h = geometry.height
        let below = policy.aspectBelow
        let above = policy.aspectAbove
        let tooWide = !below.isAbove(width: w, height: h)
        let reason = "width/height must be strictly between \(RuleChecker.decimal(above.value)) and \(RuleChecker.decimal(below.value))"
        switch options.framing {
        case .crop(let strategy):
            // Largest width with w/h < below, or largest height with w/h > above.
            let size = tooWide ? ((below.width * h - 1) / below.height, h) : (w, (w * above.height - 1) / above.width)
            apply(.crop(width: size.0, height: size.1, strategy: strategy), reason: reason, to: &geometry, size: size)
        case .pad(let fill):
            // Smallest height with w/h < below, or smallest width with w/h > above.
            let size = tooWide ? (w, (w * below.height) / below.width + 1) : ((above.width * h) / above.height + 1, h)
            apply(.pad(width: size.0, height: size.1, fill: fill), reason: reason, to: &geometry, size: size)
        }
    }

    private func apply(_ action: FixPlan.Action, reason: String, to geometry: inout Geometry, size: (Int, Int)) {
        geometry.steps.append(.init(action: action, reason: reason))
        geometry.width = max(1, size.0)
        geometry.height = max(1, size.1)
    }

    /// The output size: the first frame's for a matched last frame; otherwise the framed size,
    /// scaled down to the video's pixels and into the side bounds with the aspect kept.
    private func scaledSize(width: Int, height: Int, matching first: Target?) -> (Int, Int, String) {
        if let first, options.lastFrameSize == .matchFirst {
            return (first.width, first.height, "match the first frame's size")
        }
        var scale = 1.0
        var reason = ""
        if let video = options.video, let output = video.outputSize(width: width, height: height),
            let limit = video.pixelLimit(width: width, height: height)
        {
            // Same aspect: a square-root scale to the pixel limit covers the output exactly at
            // an allowance of 1.
            let fit = (Double(limit) / Double(width * height)).squareRoot()
            if fit < 1 {
                scale = fit
                let allowance = video.pixelAllowance == 1 ? "" : " (\(RuleChecker.decimal(video.pixelAllowance))× its pixels kept)"
                reason = "\(video.label) renders \(output)\(allowance); more pixels only cost upload time"
            }
        }
        let long = Double(max(width, height))
        let short = Double(min(width, height))
        if long * scale >= Double(policy.sideBelow) {
            scale = Double(policy.sideBelow - 1) / long
            reason = "each side must be under \(policy.sideBelow) px"
        }
        if short * scale <= Double(policy.sideAbove) {
            scale = Double(policy.sideAbove + 1) / short
            reason =
                options.video?.sizes.isEmpty == false && scale < 1
                ? "kept above the \(policy.sideAbove) px minimum" : "each side must be over \(policy.sideAbove) px"
        }
        guard scale != 1 else { return (width, height, reason) }
        var w = Int((Double(width) * scale).rounded())
        var h = Int((Double(height) * scale).rounded())
        w = min(max(w, policy.sideRange.lowerBound), policy.sideRange.upperBound)
        h = min(max(h, policy.sideRange.lowerBound), policy.sideRange.upperBound)
        // Rounding can land exactly on an aspect bound: give up one pixel on the long side.
        while !policy.acceptsAspect(width: w, height: h) {
            if w > h { w -= 1 } else { h -= 1 }
        }
        return (w, h, reason)
    }
}
