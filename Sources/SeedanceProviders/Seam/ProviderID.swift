internal import SeedanceCore

/// A provider's stable name: chosen with `--provider`, stored with every record.
public struct ProviderID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let novita = ProviderID(rawValue: "novita")

    public var description: String { rawValue }
}
