internal import SeedanceCore

/// A provider's stable name: chosen with `--provider`, stored with every record.
public struct ProviderID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let novita = ProviderID(rawValue: "novita")
    /// BytePlus ModelArk (international, USD).
    public static let byteplus = ProviderID(rawValue: "byteplus")
    /// Volcengine Ark (China, RMB).
    public static let volcengine = ProviderID(rawValue: "volcengine")

    public var description: String { rawValue }
}
