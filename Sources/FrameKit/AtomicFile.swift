public import Foundation

/// Writes a file so that readers see the old file or the whole new one, never half of it: a
/// temporary file in the same folder, fsync, then rename. Nothing is left behind on failure.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(FrameError) {
        // withUnsafeBytes rethrows untyped errors; carry ours out as a Result.
        let result = data.withUnsafeBytes { buffer -> Result<Void, FrameError> in
            do throws(FrameError) {
                try write(buffer, to: url)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes bytes the caller owns (a NIO `ByteBuffer`'s, say) without copying them first.
    public static func write(_ bytes: UnsafeRawBufferPointer, to url: URL) throws(FrameError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FrameError(.outputFailed, "cannot create a file in \(folder.path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw FrameError(.outputFailed, "cannot write \(url.path): \(failure)")
        }
    }
}
