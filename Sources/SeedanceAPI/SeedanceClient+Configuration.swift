public import Foundation

extension SeedanceClient {
    /// Where and how to reach the provider. The key is redacted from every rendering.
    public struct Configuration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        public static let apiKeyVariable = "NOVITA_API_KEY"
        public static let baseURLVariable = "SEEDANCE_BASE_URL"
        public static let defaultBaseURL = URL(string: "https://api.novita.ai")!

        public var baseURL: URL
        public var apiKey: String
        public var connectTimeout: Duration
        /// The longest silence allowed while waiting for an answer.
        public var readTimeout: Duration
        /// Retries for the paid create call; used only after a provable refusal.
        public var submitRetry: RetryPolicy
        /// Retries for task-result and downloads.
        public var readRetry: RetryPolicy

        public init(
            baseURL: URL = Configuration.defaultBaseURL,
            apiKey: String,
            connectTimeout: Duration = .seconds(10),
            readTimeout: Duration = .seconds(120),
            submitRetry: RetryPolicy = .submit,
            readRetry: RetryPolicy = .read
        ) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.submitRetry = submitRetry
            self.readRetry = readRetry
        }

        /// Reads `NOVITA_API_KEY` and `SEEDANCE_BASE_URL`; `baseURL` (e.g. `--base-url`) wins over the variable.
        ///
        /// - Throws: ``SeedanceError`` of kind `.missingConfiguration` naming the variable when
        ///   the key is missing or empty, `.invalidConfiguration` for an unusable base URL.
        public static func fromEnvironment(
            _ environment: [String: String] = ProcessInfo.processInfo.environment,
            baseURL override: String? = nil
        ) throws(SeedanceError) -> Configuration {
            guard let key = environment[apiKeyVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
                throw SeedanceError(
                    .missingConfiguration(variable: apiKeyVariable),
                    "\(apiKeyVariable) is not set; export your novita.ai API key in it. Nothing was sent.")
            }
            let text = override ?? environment[baseURLVariable].flatMap { $0.isEmpty ? nil : $0 }
            let baseURL = try text.map { text throws(SeedanceError) in try parseBaseURL(text) } ?? defaultBaseURL
            return Configuration(baseURL: baseURL, apiKey: key)
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

        public var description: String {
            "Configuration(baseURL: \(baseURL.absoluteString), apiKey: <redacted>, connectTimeout: \(connectTimeout), readTimeout: \(readTimeout))"
        }

        public var debugDescription: String { description }

        public var customMirror: Mirror {
            Mirror(self, children: ["baseURL": baseURL, "apiKey": "<redacted>", "connectTimeout": connectTimeout, "readTimeout": readTimeout])
        }

        /// `path` appended to the base URL, keeping any path prefix the base URL has.
        func endpoint(_ path: String, query: String? = nil) -> String {
            var base = baseURL.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            return base + path + (query.map { "?" + $0 } ?? "")
        }
    }
}
