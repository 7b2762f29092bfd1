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
        let checked = try validateForPreview(parameters, hasLastFrame: last != nil)
        // Each frame's bytes in hand once: a URL fetched once serves both the frame as sent
        // and the original drawn beside it; standard input is read once.
        let first = try await resolve(first, role: .first)
        let resolvedLast: ResolvedFrame? = if let last { try await resolve(last, role: .last) } else { nil }
        return try await previewSheet(first: first, last: resolvedLast, parameters: checked, style: style)
    }

    /// The values given, checked as submit checks them (a prompt is not needed to see the
    /// frames): what the preview of frames already in hand takes.
    /// - Throws: `SeedanceError` `.invalidRequest` naming the value.
    public func validateForPreview(_ parameters: GenerationParameters, hasLastFrame: Bool) throws(SeedanceError) -> ValidatedParameters {
        do {
            return try ValidatedParameters.valuesGiven(model: model, parameters: parameters, frames: hasLastFrame ? [.first, .last] : [.first])
        } catch {
            throw SeedanceError(.invalidRequest(error), "nothing to preview")
        }
    }

    /// The sheet from frames already in hand (a URL `check` fetched, say) and values already
    /// checked: nothing is fetched or checked again.
    public func previewSheet(
        first: ResolvedFrame, last: ResolvedFrame?, parameters: ValidatedParameters, style: PreviewStyle = PreviewStyle()
    ) async throws -> PreviewSheet {
        // The values were checked for this model (not checked again); whether it takes a last
        // frame is a fact of the model, not of the values.
        guard parameters.model == model else {
            throw SeedanceError(
                .invalidRequest(
                    RequestValidationError(
                        field: "parameters", value: "checked for \(parameters.model.name)",
                        allowed: "values checked for \(model.name), this submitter's model")),
                "nothing to preview")
        }
        if last != nil, model.imageField(for: .last) == nil {
            throw SeedanceError(
                .invalidRequest(RequestValidationError(field: "last frame", value: "(given)", allowed: "\(model.name) takes no last frame")),
                "nothing to preview")
        }
        let frames = try await prepareFrames(first: first, last: last, parameters: parameters.parameters)
        let preview = FramePreview(policy: policy, style: style)
        var rows: [[ContactSheetContent.Panel]] = []
        for (frame, resolved) in zip(frames, [first] + (last.map { [$0] } ?? [])) {
            rows.append(try panels(for: frame, original: resolved, preview: preview))
        }
        let content = ContactSheetContent(
            title: PreviewCaptions.title(model: model, parameters: parameters.parameters),
            subtitle: PreviewCaptions.subtitle(uploadSize: uploadSize, fixes: fixesFrames), rows: rows)
        let sheet = try preview.contactSheet(content)
        return PreviewSheet(png: sheet.png, layout: sheet.layout, frames: frames)
    }

    /// The original, annotated, beside the frame as sent.
    private func panels(for frame: RequestFrame, original resolved: ResolvedFrame, preview: FramePreview) throws -> [ContactSheetContent.Panel] {
        let original = resolved.input
        let style = preview.style
        // The header as read when the frame was prepared (or checked): not read again.
        let inspector = FrameInspector(policy: policy)
        let inspected =
            if let known = frame.inputReport.map({ HeaderInspection(report: $0) }) ?? resolved.header {
                try inspector.inspectFrame(original, knownHeader: known).frame
            } else {
                try inspector.inspectFrame(original)
            }
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
}
