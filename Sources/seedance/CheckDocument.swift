import FrameKit

/// The `--json` shape of `check` (and of `fix`'s before/after), as documented in the README.
struct CheckDocument: Encodable {
    var ok: Bool
    var images: [Image]

    struct Image: Encodable {
        var role: FrameRole
        var source: String
        var format: ImageFormat?
        var declaredType: String?
        var width: Int?
        var height: Int?
        var bytes: Int?
        var payloadBytes: Int?
        var orientation: Int?
        var colourSpace: ColourSpace?
        var bitsPerSample: Int?
        var hasAlpha: Bool?
        var pages: Int?
        var hasIccProfile: Bool?
        var violations: [Finding]
        var notes: [Finding]
        /// The steps `fix` would run; empty when it would pass the bytes through.
        var fix: [String]

        init(_ verdict: FramePreflight.FrameVerdict) {
            role = verdict.role
            source = verdict.source
            let report = verdict.report
            format = report?.format
            declaredType = report?.declaredType
            width = report?.width
            height = report?.height
            bytes = report?.bytes
            payloadBytes = report?.payloadBytes
            orientation = report?.orientation
            colourSpace = report?.colourSpace
            bitsPerSample = report?.bitsPerSample
            hasAlpha = report?.hasAlpha
            pages = report?.pageCount
            hasIccProfile = report?.hasICCProfile
            violations = verdict.violations.map(CommandLineAdvice.phrased)
            notes = verdict.notes.map(CommandLineAdvice.phrased)
            fix = verdict.plan?.steps.map(\.summary) ?? []
        }
    }

    init(_ verdicts: [FramePreflight.FrameVerdict]) {
        ok = verdicts.allSatisfy(\.isAcceptable)
        images = verdicts.map(Image.init)
    }
}
