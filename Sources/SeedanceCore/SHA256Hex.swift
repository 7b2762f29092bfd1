internal import Crypto
public import Foundation

/// Lowercase hex SHA-256 digests, for the journal's request fingerprints and input digests.
public enum SHA256Hex {
    public static func digest(of string: String) -> String {
        var string = string
        return string.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    public static func digest(of bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Digests a file in 1 MiB chunks so large inputs never sit in memory whole.
    public static func digest(ofFileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
