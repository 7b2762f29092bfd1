public import Foundation
public import SeedanceCore

/// How to make one provider: its defaults and a factory over a transport. A new provider is a
/// folder with its ``VideoProvider`` and one ``Registration``, added to ``all``.
public struct ProviderRegistration: Sendable {
    public var id: ProviderID
    public var defaultBaseURL: URL
    /// The environment variable that holds the account's key.
    public var apiKeyVariable: String
    /// Where a user gets a key, for the message when it is missing.
    public var keyHelp: String
    /// The provider's body for a request, without a key or a connection (dry runs, `--request-out`).
    public var layBody: @Sendable (GenerationRequest) throws(RequestValidationError) -> RequestBody
    public var make: @Sendable (ProviderConfiguration, any HTTPTransport, TimeSource) -> any VideoProvider
}

/// The providers this build serves.
public enum ProviderRegistry {
    public static let all: [ProviderRegistration] = [NovitaProvider.registration]
    /// The provider used when none is named.
    public static let `default` = NovitaProvider.registration

    public static func registration(for id: ProviderID) -> ProviderRegistration? {
        all.first { $0.id == id }
    }

    public static var names: [String] { all.map(\.id.rawValue) }
}
