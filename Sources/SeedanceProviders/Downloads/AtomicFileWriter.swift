public import Foundation
public import SeedanceCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes a file piece by piece so that readers see the old file or the whole new one: a
/// temporary file beside the destination, fsync, then one rename. ``discard()`` (or a failure)
/// removes the temporary file, so nothing half-written is ever left.
public final class AtomicFileWriter {
    public let destination: URL
    private let temporary: String
    private var descriptor: Int32

    /// - Throws: ``SeedanceError`` of kind `.localIO` when the folder is not writable.
    public init(destination: URL) throws(SeedanceError) {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).part").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SeedanceError(.localIO, "cannot create a file in \(folder.path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { discard() }

    /// Writes `data` as the whole new content of `destination`.
    public static func write(_ data: Data, to destination: URL) throws(SeedanceError) {
        let writer = try AtomicFileWriter(destination: destination)
        try writer.write(data)
        try writer.commit()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(SeedanceError) {
        if let code = FileDescriptorIO.writeAll(descriptor, bytes) {
            discard()
            throw SeedanceError(.localIO, "cannot write \(destination.path): \(String(cString: strerror(code)))")
        }
    }

    public func write(_ data: Data) throws(SeedanceError) {
        try write(borrowing: { data.withUnsafeBytes($0) })
    }

    public func write(_ bytes: [UInt8]) throws(SeedanceError) {
        try write(borrowing: { bytes.withUnsafeBytes($0) })
    }

    /// `withUnsafeBytes` rethrows untyped errors: ours travels out of the closure as a value.
    private func write(borrowing withBytes: ((UnsafeRawBufferPointer) -> SeedanceError?) -> SeedanceError?) throws(SeedanceError) {
        let failure = withBytes { bytes in
            do throws(SeedanceError) {
                try write(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Syncs and renames into place; the destination is replaced whole.
    public func commit() throws(SeedanceError) {
        guard descriptor >= 0 else { throw SeedanceError(.localIO, "cannot write \(destination.path): already closed") }
        var failure: String?
        if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        descriptor = -1
        if failure == nil, rename(temporary, destination.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SeedanceError(.localIO, "cannot write \(destination.path): \(failure)")
        }
    }

    /// Abandons the file; the destination is untouched.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
