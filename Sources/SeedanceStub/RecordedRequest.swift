public import Foundation

/// One request exactly as the stand-in received it, for assertions.
public struct RecordedRequest: Sendable {
    public var method: String
    public var uri: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// Head and body as text, for grepping.
    public var text: String {
        let head = ([method + " " + uri] + headers.map { "\($0.name): \($0.value)" }).joined(separator: "\n")
        return head + "\n\n" + String(decoding: body, as: UTF8.self)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
