import Foundation

/// Encodes once, and only when the result is over the byte budget searches quality downward in a
/// few steps, then scales down: a photo that fits at the first quality costs one encode.
struct BudgetEncoder {
    var policy: Policy
    var startQuality: Int

    struct Result {
        var bytes: Data
        var format: ImageFormat
        var quality: Int
        /// What the search did beyond the first encode: for the report's notes, and as steps.
        var notes: [String]
        var extraSteps: [FixPlan.Step]
    }

    /// Qualities tried after the first, in order, when the output is over the budget.
    static let fallbackQualities = [85, 80, 70, 60, 50]
    /// Each scale-down round keeps this fraction of each side.
    static let scaleDownFactor = 0.85
    static let scaleDownRounds = 6

    private var qualities: [Int] {
        let start = min(max(startQuality, 1), 100)
        return [start] + Self.fallbackQualities.filter { $0 < start }
    }

    /// `again` builds the lazy pipeline once more for the search: a sequential pipeline can be
    /// read only once, and the first encode already read it. The search's further encodes read a
    /// copy in memory.
    func encode(
        _ image: VipsImage, format requested: ImageFormat, keepsAlpha: Bool,
        again: () throws(FrameError) -> VipsImage
    ) throws(FrameError) -> Result {
        var format = requested
        let first = try VipsEncoder.encode(image, as: format, quality: qualities[0])
        if policy.acceptsBytes(first.count, format: format) {
            return Result(bytes: first, format: format, quality: qualities[0], notes: [], extraSteps: [])
        }
        var notes = ["\(format.rawValue) at \(format == .png ? "lossless" : "quality \(qualities[0])") was \(first.count) bytes, over the budget"]
        var steps: [FixPlan.Step] = []
        var current = try again().copiedToMemory()
        if format == .png {
            format = keepsAlpha ? .webp : .jpeg
            notes.append("switched to \(format.rawValue): PNG cannot trade quality for size")
        }
        for round in 0..<Self.scaleDownRounds {
            for quality in round == 0 ? qualities : Array(qualities.dropFirst()) {
                let bytes = try VipsEncoder.encode(current, as: format, quality: quality, optimizeCoding: true)
                if policy.acceptsBytes(bytes.count, format: format) {
                    if quality != qualities[0] { notes.append("quality \(quality) fits: \(bytes.count) bytes") }
                    steps.append(.init(action: .encode(format), reason: "again at quality \(quality), to fit the byte budget"))
                    return Result(bytes: bytes, format: format, quality: quality, notes: notes, extraSteps: steps)
                }
            }
            let shorter = min(current.width, current.height)
            guard Double(shorter) * Self.scaleDownFactor > Double(policy.sideAbove + 1) else { break }
            let width = Int(Double(current.width) * Self.scaleDownFactor)
            let height = Int(Double(current.height) * Self.scaleDownFactor)
            current = try current.resize(
                horizontal: (Double(width) + 0.1) / Double(current.width),
                vertical: (Double(height) + 0.1) / Double(current.height)
            ).copiedToMemory()
            notes.append("scaled down to \(current.width)×\(current.height) to fit the byte budget")
            steps.append(.init(action: .resize(width: current.width, height: current.height), reason: "to fit the byte budget"))
        }
        throw FrameError(
            .cannotComply, "no encoding fits the byte budget (file under \(policy.fileBytesBelow), data URI under \(policy.payloadBytesBelow) bytes)")
    }
}
