import FrameKit

/// The `--json` shape of `fix`: before → after for each frame, with every step and its reason.
struct FixDocument: Encodable {
    var ok: Bool
    var outputDir: String
    var images: [Image]

    struct Step: Encodable {
        var action: String
        var reason: String
    }

    struct Summary: Encodable {
        var format: ImageFormat
        var width: Int
        var height: Int
        var bytes: Int
        var payloadBytes: Int
        var orientation: Int

        init(_ report: ImageReport) {
            format = report.format
            width = report.width
            height = report.height
            bytes = report.bytes
            payloadBytes = report.payloadBytes
            orientation = report.orientation
        }
    }

    struct Image: Encodable {
        var role: FrameRole
        var source: String
        var output: String
        var passThrough: Bool
        var before: Summary
        var after: Summary
        var steps: [Step]
        var notes: [String]
    }
}

extension FixDocument.Image {
    init(_ frame: PreparedFrame, output: String) {
        role = frame.role
        source = frame.before.source
        self.output = output
        passThrough = frame.isPassThrough
        before = .init(frame.before)
        after = .init(frame.after)
        // What ran, in order: the plan's steps, and any the byte budget added.
        steps = frame.steps.map { .init(action: $0.summary, reason: $0.reason) }
        notes = frame.notes
    }
}

/// `fix --json` when no frame could be made: still one document, saying why.
struct FixFailureDocument: Encodable {
    var ok = false
    var error: FrameError
}
