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
        var width: Int
        var height: Int
        /// What the search did beyond the first encode, for the report.
        var notes: [String]
    }

    private var qualities: [Int] {
        let start = min(max(startQuality, 1), 100)
        return [start] + [85, 80, 70, 60, 50].filter { $0 < start }
    }

    /// `render` builds the lazy pipeline; it runs again for a retry, because a sequential
    /// pipeline can be read only once.
    func encode(format requested: ImageFormat, keepsAlpha: Bool, render: () throws(FrameError) -> VipsImage) throws(FrameError) -> Result {
        var format = requested
        let image = try render()
        let first = try image.encoded(as: format, quality: qualities[0])
        if policy.acceptsBytes(first.count, format: format) {
            return Result(bytes: first, format: format, quality: qualities[0], width: image.width, height: image.height, notes: [])
        }
        var notes = ["\(format.rawValue) at \(format == .png ? "lossless" : "quality \(qualities[0])") was \(first.count) bytes, over the budget"]
        // Each further encode would decode the input again; render it once more, into memory.
        var current = try render().copiedToMemory()
        if format == .png {
            format = keepsAlpha ? .webp : .jpeg
            notes.append("switched to \(format.rawValue): PNG cannot trade quality for size")
        }
        for round in 0..<6 {
            for quality in round == 0 ? qualities : Array(qualities.dropFirst()) {
                let bytes = try current.encoded(as: format, quality: quality, optimizeCoding: true)
                if policy.acceptsBytes(bytes.count, format: format) {
                    if quality != qualities[0] { notes.append("quality \(quality) fits: \(bytes.count) bytes") }
                    return Result(bytes: bytes, format: format, quality: quality, width: current.width, height: current.height, notes: notes)
                }
            }
            let shorter = min(current.width, current.height)
            let factor = 0.85
            guard Double(shorter) * factor > Double(policy.sideAbove + 1) else { break }
            let width = Int(Double(current.width) * factor), height = Int(Double(current.height) * factor)
            current = try current.resize(horizontal: (Double(width) + 0.1) / Double(current.width),
                                         vertical: (Double(height) + 0.1) / Double(current.height)).copiedToMemory()
            notes.append("scaled down to \(current.width)×\(current.height) to fit the byte budget")
        }
        throw FrameError(.cannotComply, "no encoding fits the byte budget (file under \(policy.fileBytesBelow), data URI under \(policy.payloadBytesBelow) bytes)")
    }
}
