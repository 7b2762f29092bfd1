/// The state store could not be opened, read or written.
public struct StateStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `open`, `record intent`.
    public var operation: String
    /// The store's location.
    public var location: String
    /// The underlying cause, for people; never holds the API key (the store never sees it).
    public var message: String

    public init(operation: String, location: String, message: String) {
        self.operation = operation
        self.location = location
        self.message = message
    }

    public var description: String {
        "state store \(operation) failed for \(location): \(message)"
    }
}
