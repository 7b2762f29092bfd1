import Foundation
public import FrameKit
public import SeedanceAPI

extension VideoSubmitter {
    /// A contact sheet of what ``submit(first:last:parameters:client:store:allowDuplicate:batchItem:estimatedCostUSD:)``
    /// would send with these settings, built by the same ``prepareFrames(first:last:parameters:)``
    /// (model, parameters, fix options, upload size), so the preview never disagrees with submit.
    /// Nothing is sent and no key is needed; URL inputs are fetched with this submitter's fetcher.
    ///
    /// - Throws: what `prepareFrames` throws (`FrameError`, ``SeedanceKitError``), and
    ///   `SeedanceError` `.invalidRequest` when a value given does not check against the model
    ///   (fields a submit also requires, such as a prompt, are not needed here).
    public func previewSheet(
        first: FrameSource, last: FrameSource?, parameters: GenerationParameters,
        style: PreviewStyle = PreviewStyle()
    ) async throws -> PreviewSheet {
        // The values given, as submit checks them; a prompt is not needed to see the frames.
        do throws(RequestValidationError) {
            try model.validate(parameters, frames: [.first], complete: false)
            if last != nil, model.imageField(for: .last) == nil {
                throw RequestValidationError(field: "last frame", value: "(given)", allowed: "\(model.name) takes no last frame")
            }
        } catch {
            throw SeedanceError(.invalidRequest(error), "nothing to preview")
        }
        // Standard input can be read once: read it now, so it can be prepared and drawn.
        let first = try rereadable(first)
        let last = try last.map(rereadable)
        let frames = try await prepareFrames(first: first, last: last, parameters: parameters)
        let preview = FramePreview(policy: policy, style: style)
        var rows: [[ContactSheetContent.Panel]] = []
        for frame in frames {
            rows.append(try await panels(for: frame, preview: preview))
        }
        let content = ContactSheetContent(
            title: PreviewCaptions.title(model: model, parameters: parameters),
            subtitle: PreviewCaptions.subtitle(uploadSize: uploadSize, fixes: fixesFrames), rows: rows)
        let sheet = try preview.contactSheet(content)
        return PreviewSheet(png: sheet.png, layout: sheet.layout, frames: frames)
    }

    private func rereadable(_ source: FrameSource) throws(FrameError) -> FrameSource {
        guard case .image(let input) = source else { return source }
        return .image(try input.readingStandardInput(maxBytes: policy.maxInputBytes))
    }

    /// The original, annotated, beside the frame as sent.
    private func panels(for frame: RequestFrame, preview: FramePreview) async throws -> [ContactSheetContent.Panel] {
        let style = preview.style
        let original = try await originalInput(frame)
        let inspected = try FrameInspector(policy: policy).inspectFrame(original)
        let geometry = frame.prepared?.geometry ?? FrameGeometry(sourceWidth: inspected.report.width, sourceHeight: inspected.report.height)
        let annotated = try preview.annotatedOriginal(of: inspected, geometry: geometry, maxWidth: style.panelWidth, maxHeight: style.panelHeight)
        let sent =
            if let prepared = frame.prepared {
                try preview.thumbnail(of: prepared.bytes, maxWidth: style.panelWidth, maxHeight: style.panelHeight)
            } else {
                try preview.thumbnail(of: original, maxWidth: style.panelWidth, maxHeight: style.panelHeight)
            }
        return [
            .init(
                image: annotated, heading: PreviewCaptions.heading(frame.role, "original"),
                lines: PreviewCaptions.original(inspected.report, geometry: frame.prepared?.geometry)),
            .init(
                image: sent, heading: PreviewCaptions.heading(frame.role, "as sent"),
                lines: PreviewCaptions.sent(frame, report: inspected.report)),
        ]
    }

    /// The input the frame was prepared from; a URL is fetched again (same fetcher, same rules)
    /// and must still be the bytes that were checked.
    private func originalInput(_ frame: RequestFrame) async throws -> ImageInput {
        switch frame.source {
        case .image(let input):
            return input
        case .url(let url):
            let fetched = try await fetch(url, role: frame.role)
            if frame.prepared == nil, SHA256Hex.digest(of: fetched.data) != frame.digest {
                throw SeedanceKitError(
                    .frameFetchFailed, "\(frame.role.rawValue) frame: \(url.absoluteString) changed between two fetches; preview it again")
            }
            return .bytes(fetched.data, name: url.absoluteString, declaredType: fetched.declaredType)
        }
    }
}
