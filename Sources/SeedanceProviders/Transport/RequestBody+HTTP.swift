public import SeedanceCore

extension RequestBody {
    /// The body as the transport sends it: the same chunks as ``chunks(chunkSize:)``, produced
    /// anew for each attempt, with the length known up front.
    public func httpBody(chunkSize: Int = RequestBodyChunks.defaultChunkSize) -> HTTPBody {
        HTTPBody(length: length) {
            var iterator = chunks(chunkSize: chunkSize).makeAsyncIterator()
            return { iterator.nextChunk()?.bytes }
        }
    }
}
