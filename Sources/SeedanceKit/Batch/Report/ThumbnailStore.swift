import Foundation
import FrameKit
import SeedanceAPI

/// Draws a line's thumbnails and writes them into the report's `thumbs` folder, one file each
/// through the atomic writer, named by line and role (never by id: ids may hold any character).
struct ThumbnailStore: Sendable {
    let folder: URL
    let side: Int
    let thumbnailer: any ReportThumbnailer

    /// A frame not prepared: its original only (a local file), or a note (a URL, stdin).
    func originalOnly(_ source: FrameSource, role: FrameRole, line: Int) throws(SeedanceError) -> BatchReport.Frame {
        var frame = BatchReport.Frame(role: role, source: source.recordedName)
        switch source {
        case .url:
            frame.note = "a URL: fetched, checked and prepared just before sending"
        case .image(.standardInput):
            frame.note = "standard input: read when sending"
        case .image(let input):
            let original = try draw(.original, of: &frame, line: line) { try thumbnailer.original(input, preparedAs: nil, side: side) }
            frame.original = original
        }
        return frame
    }

    /// A prepared frame: the original with its kept region marked, and the frame as sent.
    func frame(_ request: RequestFrame, source: FrameSource, line: Int) throws(SeedanceError) -> BatchReport.Frame {
        guard let prepared = request.prepared else {
            return try originalOnly(source, role: request.role, line: line)
        }
        guard case .image(let input) = source else {
            // A URL the run fetched and prepared: the frame as sent (its fetched original is not kept).
            var frame = BatchReport.Frame(
                role: request.role, source: source.recordedName,
                originalFacts: Self.facts(prepared.before.format, prepared.before.width, prepared.before.height, prepared.before.bytes),
                sentFacts: Self.facts(prepared.format, prepared.width, prepared.height, prepared.bytes.count),
                steps: prepared.isPassThrough ? ["sent as is"] : prepared.steps.map(\.summary),
                note: "a URL: fetched and prepared just before sending")
            frame.sent = try draw(.sent, of: &frame, line: line) { try thumbnailer.sent(prepared, side: side) }
            return frame
        }
        var frame = BatchReport.Frame(
            role: request.role, source: source.recordedName,
            originalFacts: Self.facts(
                prepared.before.format, prepared.before.width,
                prepared.before.height, prepared.before.bytes),
            sentFacts: Self.facts(prepared.format, prepared.width, prepared.height, prepared.bytes.count),
            steps: prepared.isPassThrough ? ["sent as is"] : prepared.steps.map(\.summary))
        let original = try draw(.original, of: &frame, line: line) { try thumbnailer.original(input, preparedAs: prepared, side: side) }
        let sent = try draw(.sent, of: &frame, line: line) { try thumbnailer.sent(prepared, side: side) }
        frame.original = original
        frame.sent = sent
        return frame
    }

    /// One thumbnail, saved; a thumbnailer's failure is recorded on the frame for the page to
    /// show (the report goes on without that picture), a failure to save it ends the report.
    private func draw(
        _ picture: BatchReport.ThumbnailFailure.Picture, of frame: inout BatchReport.Frame, line: Int,
        _ thumbnail: () throws -> ReportThumbnail
    ) throws(SeedanceError) -> BatchReport.Image? {
        let drawn: ReportThumbnail
        do {
            drawn = try thumbnail()
        } catch {
            frame.thumbnailFailures.append(.init(picture: picture, reason: "\(error)"))
            return nil
        }
        return try save(drawn, line: line, role: frame.role, kind: picture.rawValue)
    }

    private func save(_ thumbnail: ReportThumbnail, line: Int, role: FrameRole, kind: String) throws(SeedanceError) -> BatchReport.Image {
        let name = "line-\(line)-\(role.rawValue)-\(kind).\(thumbnail.format.fileExtension)"
        let writer = try AtomicFileWriter(destination: folder.appendingPathComponent(name))
        try writer.write(thumbnail.bytes)
        try writer.commit()
        return BatchReport.Image(path: "\(folder.lastPathComponent)/\(name)", width: thumbnail.width, height: thumbnail.height)
    }

    /// "JPEG 1280×720, 182 KB".
    static func facts(_ format: ImageFormat, _ width: Int, _ height: Int, _ bytes: Int) -> String {
        let size =
            bytes >= 1_000_000
            ? String(format: "%.1f MB", Double(bytes) / 1_000_000)
            : bytes >= 1_000 ? "\(bytes / 1_000) KB" : "\(bytes) B"
        return "\(format.rawValue.uppercased()) \(width)×\(height), \(size)"
    }
}
