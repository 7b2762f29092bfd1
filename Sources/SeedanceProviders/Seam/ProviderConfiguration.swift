public import Foundation
public import SeedanceCore

/// Where and how to reach one provider account. The key is redacted from every rendering.
public struct ProviderConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var baseURL: URL
    public var apiKey: String
    /// Retries for the paid create call; used only after a provable refusal.
    public var submitRetry: RetryPolicy
    /// Retries for reads and downloads.
    public var readRetry: RetryPolicy

    public init(baseURL: URL, apiKey: String, submitRetry: RetryPolicy = .submit, readRetry: RetryPolicy = .read) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.submitRetry = submitRetry
        self.readRetry = readRetry
    }

    /// `path` appended to the base URL, keeping any path prefix the base URL has.
    public func endpoint(_ path: String, query: String? = nil) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path + (query.map { "?" + $0 } ?? "")
    }

    /// Text that came from elsewhere loses any copy of the key before it reaches a message.
    public func redacted(_ text: String) -> String {
        // A very short test key would match ordinary words; real keys are long.
        guard apiKey.count >= 8 else { return text }
        return text.replacingOccurrences(of: apiKey, with: "<redacted>")
    }

    public func redacted(_ error: ProviderError) -> ProviderError {
        var error = error
        error.reason = redacted(error.reason)
        error.message = redacted(error.message)
        return error
    }

    public var description: String {
        "ProviderConfiguration(baseURL: \(baseURL.absoluteString), apiKey: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "apiKey": "<redacted>"])
    }
}
