import Foundation
internal import SeedanceCore

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a sidecar file, held while a store is opened and migrated, so that
/// processes starting together take turns. The kernel drops it if the holder dies.
struct OpenLock {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32

    /// Blocks until the lock is held.
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw Failure(description: "cannot lock \(path): \(reason)")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
