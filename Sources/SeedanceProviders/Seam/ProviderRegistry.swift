public import Foundation
public import SeedanceCore

/// How to make one provider: its defaults and a factory over a transport. A new provider is a
/// folder with its ``VideoProvider`` and one ``Registration``, added to ``all``.
public struct ProviderRegistration: Sendable {
    public var id: ProviderID
    /// The API its model rows are written for (``VideoModel/api``): `novita` or `ark`.
    public var api: String
    public var defaultBaseURL: URL
    /// The environment variable that holds the account's key.
    public var apiKeyVariable: String
    /// A provider-specific variable for the base URL, read after `SEEDANCE_BASE_URL`.
    public var baseURLVariable: String?
    /// Where a user gets a key, for the message when it is missing.
    public var keyHelp: String
    /// Whether its providers can list tasks (``VideoProvider/taskFinder``), so an unknown
    /// outcome can be looked up, known before any client is made.
    public var listsTasks: Bool
    /// The provider's body for a request, without a key or a connection (dry runs, `--request-out`).
    public var layBody: @Sendable (GenerationRequest) throws(RequestValidationError) -> RequestBody
    public var make: @Sendable (ProviderConfiguration, any HTTPTransport, TimeSource) -> any VideoProvider
}

/// The providers this build serves.
public enum ProviderRegistry {
    public static let all: [ProviderRegistration] = [NovitaProvider.registration, ArkProvider.byteplus, ArkProvider.volcengine]
    /// The provider used when none is named.
    public static let `default` = NovitaProvider.registration

    public static func registration(for id: ProviderID) -> ProviderRegistration? {
        all.first { $0.id == id }
    }

    public static var names: [String] { all.map(\.id.rawValue) }

    /// The providers that serve model rows written for `api`.
    public static func serving(api: String) -> [ProviderRegistration] {
        all.filter { $0.api == api }
    }
}
