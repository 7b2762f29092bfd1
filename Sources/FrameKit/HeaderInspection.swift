/// What one reading of an input's header found: its report and what libvips warned about. A
/// value (it crosses process boundaries), so a later step in the same run starts from it instead
/// of reading and inspecting the header again.
public struct HeaderInspection: Sendable, Hashable, Codable {
    public var report: ImageReport
    public var warnings: [String]

    public init(report: ImageReport, warnings: [String] = []) {
        self.report = report
        self.warnings = warnings
    }
}

extension FrameInspector {
    /// The input made ready for planning and rendering from an inspection made earlier in this
    /// run: its size and first bytes are read (no decoder runs), and when they still match the
    /// report the header is not inspected again. A file that changed since (another size or
    /// format) is inspected afresh, so a frame is never fixed from facts that no longer hold.
    ///
    /// - Returns: the frame, and whether its header had to be inspected again.
    public func inspectFrame(_ input: ImageInput, knownHeader known: HeaderInspection) throws(FrameError) -> (
        frame: InspectedFrame, reinspected: Bool
    ) {
        let loaded = try LoadedInput.load(input, maxBytes: policy.maxInputBytes)
        guard loaded.byteCount == known.report.bytes, FormatSniffer.format(of: loaded.head) == known.report.format else {
            let (report, warnings) = try VipsWarnings.collecting { () throws(FrameError) in try inspect(loaded) }
            return (InspectedFrame(input: loaded, report: report, warnings: warnings), true)
        }
        return (InspectedFrame(input: loaded, report: known.report, warnings: known.warnings), false)
    }
}
