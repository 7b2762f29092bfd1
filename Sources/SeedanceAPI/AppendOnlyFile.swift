internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A file that several processes append whole lines to, safely.
///
/// Each append opens with `O_APPEND`, takes an exclusive `flock`, writes, `fsync`s and
/// unlocks, so a line is either absent or complete and on disk before the call returns.
struct AppendOnlyFile: Sendable {
    let path: String

    func append(_ bytes: [UInt8]) throws(JournalError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw JournalError(operation: "lock", path: path, errno: errno) }
        defer { flock(descriptor, LOCK_UN) }
        if let code = bytes.withUnsafeBytes({ FileDescriptorIO.writeAll(descriptor, $0) }) {
            throw JournalError(operation: "write", path: path, errno: code)
        }
        guard fsync(descriptor) == 0 else { throw JournalError(operation: "fsync", path: path, errno: errno) }
    }

    /// The whole file, read under a shared lock so no half-written line is seen; nil if absent.
    func readAll() throws(JournalError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw JournalError(operation: "open", path: path, errno: errno)
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH) == 0 else { throw JournalError(operation: "lock", path: path, errno: errno) }
        defer { flock(descriptor, LOCK_UN) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { FileDescriptorIO.read(descriptor, into: $0) }
            if count < 0 { throw JournalError(operation: "read", path: path, errno: Int32(-count)) }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }
}

/// The journal could not be written or read.
public struct JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    init(operation: String, path: String, errno code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    init(operation: String, path: String, message: String) {
        self.operation = operation
        self.path = path
        self.code = 0
        self.detail = message
    }

    private var detail: String?

    public var description: String {
        "journal \(operation) failed for \(path): \(detail ?? String(cString: strerror(code)))"
    }
}
