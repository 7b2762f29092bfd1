import Foundation

/// Walks a PNG's chunk headers (never their contents) before libvips reads it: a chunk that
/// declares more bytes than the file holds (a truncated file, or a lie such as a 2 GiB `tEXt`
/// in a 200-byte file) makes the header read allocate that much and take seconds, so it is
/// refused here.
enum PNGChunks {
    /// PNG's own limit for a chunk length (2^31 − 1).
    static let maximumChunkLength = 0x7FFF_FFFF

    static func validate(_ input: LoadedInput) throws(FrameError) {
        switch input.storage {
        case .memory(let bytes):
            try validate(count: bytes.count, name: input.name) { offset in
                bytes[offset..<(offset + 8)]
            }
        case .file(let path):
            // Eight bytes a chunk with pread: mapping the file would make every page of a large
            // PNG resident just to walk its headers.
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw FrameError(.unreadable, "cannot open: \(String(cString: strerror(errno)))", source: input.name)
            }
            defer { close(descriptor) }
            try validate(count: input.byteCount, name: input.name) { offset in
                var header = [UInt8](repeating: 0, count: 8)
                let read = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 8, off_t(offset)) }
                return read == 8 ? header : nil
            }
        }
    }

    static func validate(_ data: Data, name: String) throws(FrameError) {
        try validate(count: data.count, name: name) { offset in
            Array(data[(data.startIndex + offset)..<(data.startIndex + offset + 8)])
        }
    }

    /// `header(offset)` returns the 8 bytes (length, type) of the chunk at `offset`.
    private static func validate(count: Int, name: String, header: (Int) -> [UInt8]?) throws(FrameError) {
        var offset = 8  // the signature
        while offset + 8 <= count {
            guard let chunk = header(offset) else {
                throw FrameError(.unreadable, "cannot read the png chunk at byte \(offset)", source: name)
            }
            let length = Int(chunk[0]) << 24 | Int(chunk[1]) << 16 | Int(chunk[2]) << 8 | Int(chunk[3])
            let type = String(decoding: chunk[4..<8].map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
            let remaining = count - offset - 12
            guard length <= maximumChunkLength, length <= remaining else {
                throw FrameError(
                    .notAnImage,
                    "corrupt or truncated png: chunk \"\(type)\" at byte \(offset) declares \(length) bytes, but only \(max(0, remaining)) remain",
                    source: name)
            }
            if type == "IEND" { return }
            offset += 12 + length
        }
    }
}
