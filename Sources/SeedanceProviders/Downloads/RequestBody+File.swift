public import Foundation
public import SeedanceCore

extension RequestBody {
    /// Writes the body to `destination` atomically, through the same chunks the POST sends
    /// (`--request-out` writes exactly what would go out).
    public func write(to destination: URL) throws(SeedanceError) {
        let writer = try AtomicFileWriter(destination: destination)
        var iterator = chunks().makeAsyncIterator()
        while let chunk = iterator.nextChunk() {
            try writer.write(chunk.bytes)
        }
        try writer.commit()
    }
}
