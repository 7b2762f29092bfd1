import Foundation

/// Walks a PNG's chunk headers (never their contents) before libvips reads it: a chunk that
/// declares more bytes than the file holds (a truncated file, or a lie such as a 2 GiB `tEXt`
/// in a 200-byte file) makes the header read allocate that much and take seconds, so it is
/// refused here.
enum PNGChunks {
    /// PNG's own limit for a chunk length (2^31 − 1).
    static let maximumChunkLength = 0x7FFF_FFFF

    static func validate(_ input: LoadedInput) throws(FrameError) {
        try validate(input.allBytes(), name: input.name)
    }

    static func validate(_ data: Data, name: String) throws(FrameError) {
        let base = data.startIndex
        func b(_ i: Int) -> UInt8 { data[base + i] }
        var offset = 8  // the signature
        while offset + 8 <= data.count {
            let length = Int(b(offset)) << 24 | Int(b(offset + 1)) << 16 | Int(b(offset + 2)) << 8 | Int(b(offset + 3))
            let type = String(decoding: (0..<4).map { b(offset + 4 + $0) }.map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
            let remaining = data.count - offset - 12
            guard length <= maximumChunkLength, length <= remaining else {
                throw FrameError(.notAnImage, "corrupt or truncated png: chunk \"\(type)\" at byte \(offset) declares \(length) bytes, but only \(max(0, remaining)) remain", source: name)
            }
            if type == "IEND" { return }
            offset += 12 + length
        }
    }
}
