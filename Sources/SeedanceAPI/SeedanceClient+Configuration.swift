public import Foundation
public import SeedanceCore
public import SeedanceProviders

extension SeedanceClient {
    /// Which provider, where and how to reach it. The key is redacted from every rendering.
    public struct Configuration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        public static let baseURLVariable = "SEEDANCE_BASE_URL"

        public var provider: ProviderID
        public var baseURL: URL
        public var apiKey: String
        public var connectTimeout: Duration
        /// The longest silence allowed while waiting for an answer.
        public var readTimeout: Duration
        /// Retries for the paid create call; used only after a provable refusal.
        public var submitRetry: RetryPolicy
        /// Retries for task reads and downloads.
        public var readRetry: RetryPolicy

        public init(
            provider: ProviderID = .novita,
            baseURL: URL? = nil,
            apiKey: String,
            connectTimeout: Duration = .seconds(10),
            readTimeout: Duration = .seconds(120),
            submitRetry: RetryPolicy = .submit,
            readRetry: RetryPolicy = .read
        ) {
            self.provider = provider
            // An unregistered provider keeps novita's URL here only as a placeholder: the client
            // refuses such a configuration before any call (``SeedanceClient/init(configuration:timeSource:logger:)``).
            self.baseURL = baseURL ?? ProviderRegistry.registration(for: provider)?.defaultBaseURL ?? NovitaProvider.defaultBaseURL
            self.apiKey = apiKey
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.submitRetry = submitRetry
            self.readRetry = readRetry
        }

        /// Reads the provider's key variable (`NOVITA_API_KEY` for novita, `ARK_API_KEY` for Ark)
        /// and its base URL: `baseURL` (e.g. `--base-url`), else the provider's own variable
        /// (`ARK_BASE_URL`), else `SEEDANCE_BASE_URL`, else the provider's public URL.
        ///
        /// - Throws: ``SeedanceError`` of kind `.missingConfiguration` naming the variable when
        ///   the key is missing or empty, `.invalidConfiguration` for an unusable base URL or a
        ///   provider this build does not serve.
        public static func fromEnvironment(
            _ environment: [String: String] = ProcessInfo.processInfo.environment,
            provider: ProviderID = .novita,
            baseURL override: String? = nil
        ) throws(SeedanceError) -> Configuration {
            guard let registration = ProviderRegistry.registration(for: provider) else {
                throw SeedanceError(
                    .invalidConfiguration,
                    "provider \"\(provider)\" is not one this build serves (\(ProviderRegistry.names.joined(separator: ", ")))")
            }
            let variable = registration.apiKeyVariable
            guard let key = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
                throw SeedanceError(
                    .missingConfiguration(variable: variable),
                    "\(variable) is not set; export your \(provider) API key in it (\(registration.keyHelp)). Nothing was sent.")
            }
            // --base-url, then the provider's own variable (ARK_BASE_URL: the more specific one,
            // so a SEEDANCE_BASE_URL kept for novita does not send Ark calls there), then
            // SEEDANCE_BASE_URL.
            let variables = (registration.baseURLVariable.map { [$0] } ?? []) + [baseURLVariable]
            let text = override ?? variables.lazy.compactMap { environment[$0].flatMap { $0.isEmpty ? nil : $0 } }.first
            let baseURL = try text.map { text throws(SeedanceError) in try parseBaseURL(text) } ?? registration.defaultBaseURL
            return Configuration(provider: provider, baseURL: baseURL, apiKey: key)
        }

        /// Accepts only absolute http(s) URLs with a host.
        public static func parseBaseURL(_ text: String) throws(SeedanceError) -> URL {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host?.isEmpty == false
            else {
                throw SeedanceError(.invalidConfiguration, "base URL \"\(text)\" is not an http(s) URL with a host")
            }
            return url
        }

        /// What the provider needs of this configuration.
        public var providerConfiguration: ProviderConfiguration {
            ProviderConfiguration(baseURL: baseURL, apiKey: apiKey, submitRetry: submitRetry, readRetry: readRetry)
        }

        public var description: String {
            "Configuration(provider: \(provider), baseURL: \(baseURL.absoluteString), apiKey: <redacted>, connectTimeout: \(connectTimeout), readTimeout: \(readTimeout))"
        }

        public var debugDescription: String { description }

        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "provider": provider.rawValue, "baseURL": baseURL, "apiKey": "<redacted>", "connectTimeout": connectTimeout,
                    "readTimeout": readTimeout,
                ])
        }
    }
}
