/// An input read once and its header inspected: what planning and rendering start from, so
/// nothing is read or inspected twice on the way to the prepared frame.
public struct InspectedFrame: Sendable {
    let input: LoadedInput
    public let report: ImageReport
    /// What libvips warned about while reading the header.
    public let warnings: [String]
}
