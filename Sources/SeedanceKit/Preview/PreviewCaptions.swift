import Foundation
import FrameKit
import SeedanceAPI

/// The words on a preview sheet, in one place.
enum PreviewCaptions {
    static let sentAsIs = "sent as is"

    static func title(model: VideoModel, parameters: GenerationParameters) -> String {
        let ratio =
            parameters[VideoModel.ratioField]?.stringValue
            ?? model.field(VideoModel.ratioField)?.default?.stringValue.map { "\($0) (default)" } ?? "model default"
        let resolution =
            parameters[VideoModel.resolutionField]?.stringValue
            ?? model.defaultResolution.map { "\($0) (default)" } ?? "model default"
        return "\(model.name) · ratio \(ratio) · \(resolution)"
    }

    static func subtitle(uploadSize: VideoSubmitter.UploadSize, fixes: Bool) -> String {
        let sizing =
            switch uploadSize {
            case .video: "frames scaled to at most \(String(format: "%g", VideoSubmitter.videoPixelAllowance))× the video's pixels"
            case .full: "frames kept at their fixed size"
            }
        return "Nothing was sent. Left: the original; the outlined region is what is kept, hatching is added area. "
            + "Right: the frame exactly as submit would send it (\(fixes ? sizing : "not fixed: compliant frames only"))."
    }

    static func heading(_ role: FrameRole, _ part: String) -> String {
        "\(role == .first ? "First" : "Last") frame · \(part)"
    }

    /// Format, size and bytes, e.g. "jpeg · 1280×720 · 98,765 bytes".
    static func facts(format: ImageFormat, width: Int, height: Int, bytes: Int) -> String {
        "\(format.rawValue) · \(width)×\(height) · \(grouped(bytes)) bytes"
    }

    static func original(_ report: ImageReport, geometry: FrameGeometry?) -> [String] {
        var lines = [shortened(report.source), facts(format: report.format, width: report.width, height: report.height, bytes: report.bytes)]
        if report.orientation != 1 { lines[1] += " · EXIF orientation \(report.orientation) (shown upright)" }
        if let geometry, geometry.isCropped {
            let kept = geometry.keptRegion
            lines.append("kept \(kept.width)×\(kept.height) at (\(kept.x), \(kept.y)), outlined")
        }
        if let geometry, geometry.isPadded { lines.append("padded to the sent frame's shape; added area hatched") }
        return lines
    }

    static func sent(_ frame: RequestFrame, report: ImageReport?) -> [String] {
        guard let prepared = frame.prepared else {
            let known = report.map { facts(format: $0.format, width: $0.width, height: $0.height, bytes: $0.bytes) }
            return [known, "\(sentAsIs), by URL"].compactMap { $0 }
        }
        let head = facts(format: prepared.format, width: prepared.width, height: prepared.height, bytes: prepared.bytes.count)
        guard !prepared.isPassThrough else { return [head, "\(sentAsIs): byte for byte"] }
        return [head] + prepared.steps.enumerated().map { "\($0.offset + 1). \($0.element.summary)" }
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// A long path or URL keeps its end, where the file name is.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : "…" + text.suffix(limit - 1)
    }
}
