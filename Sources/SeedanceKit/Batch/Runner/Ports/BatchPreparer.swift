/// Turns an item into something ready to send: frames fixed and the request built.
///
/// A thrown error fails that item only (nothing was sent); `CancellationError` means the run is
/// stopping and the item goes back unsent.
public protocol BatchPreparer<Payload, Prepared>: Sendable {
    associatedtype Payload: Sendable
    /// Holds the prepared frames (megabytes): the runner keeps only a bounded number alive.
    associatedtype Prepared: Sendable

    func prepare(_ item: BatchItem<Payload>) async throws -> Prepared

    /// How many frames `prepared` holds, for the run's prepare-stage figures.
    func frameCount(of prepared: Prepared) -> Int
}

extension BatchPreparer {
    /// One frame per item, unless the preparer knows better.
    public func frameCount(of prepared: Prepared) -> Int { 1 }
}
