public import Foundation

/// One frame as the create call carries it: by reference (a URL the provider fetches) or
/// inline (bytes that go into the body as a base64 data URI, encoded while it is sent).
public struct FramePayload: Sendable {
    public enum Content: Sendable {
        case url(String)
        /// The image bytes and the `<fmt>` of `data:image/<fmt>;base64,` (lowercase, e.g. `jpeg`).
        case inline(Data, format: String)
    }

    public var role: FieldRule.FrameRole
    public var content: Content
    /// SHA-256 (hex) of the image bytes (sent inline, or fetched from the URL); the fingerprint
    /// uses it in place of the bytes.
    public var digest: String

    public init(role: FieldRule.FrameRole, content: Content, digest: String) {
        self.role = role
        self.content = content
        self.digest = digest
    }

    /// Inline bytes, digested here.
    public static func inline(_ bytes: Data, format: String, role: FieldRule.FrameRole) -> FramePayload {
        FramePayload(role: role, content: .inline(bytes, format: format), digest: SHA256Hex.digest(of: bytes))
    }
}
