/// One manifest line for ``BatchRunner``: its id, where it came from, what to prepare, where its
/// video goes and what it is estimated to cost.
///
/// `Payload` is whatever the preparer needs (the validated manifest line: frames, model,
/// parameters); the runner never looks inside it.
public struct BatchItem<Payload: Sendable>: Sendable, Identifiable {
    /// Unique in the batch: the manifest's `id`, or the line number.
    public var id: String
    /// The manifest line it came from (1-based), for messages.
    public var line: Int
    public var payload: Payload
    /// Where the video is saved (`DIR/<id>.mp4` unless the manifest says otherwise).
    public var output: String
    /// The estimated price in USD; nil when no price is known for its model.
    public var estimatedCostUSD: Double?

    public init(id: String, line: Int, payload: Payload, output: String, estimatedCostUSD: Double?) {
        self.id = id
        self.line = line
        self.payload = payload
        self.output = output
        self.estimatedCostUSD = estimatedCostUSD
    }
}
