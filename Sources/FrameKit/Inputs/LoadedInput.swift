import Foundation

/// An input made ready for inspection: either a regular file that libvips streams from, or bytes
/// in memory (stdin, data URI, a fetched URL). Files are never read whole just to be inspected.
struct LoadedInput: Sendable {
    enum Storage: Sendable {
        case file(path: String)
        case memory(InputBytes)
    }

    var name: String
    var storage: Storage
    var byteCount: Int
    /// The first bytes, for sniffing the format and parsing BMP headers.
    var head: [UInt8]
    /// What the file extension or the data-URI type claims, if anything.
    var declaredType: String?

    static func load(_ input: ImageInput, maxBytes: Int) throws(FrameError) -> LoadedInput {
        switch input {
        case .file(let path):
            return try openFile(path)
        case .standardInput:
            let data = try readStandardInput(maxBytes: maxBytes)
            return try memory(data, name: "stdin", declaredType: nil)
        case .dataURI(let text):
            let parsed = try DataURI.parse(text, maxBytes: maxBytes)
            let type = parsed.mediaType.hasPrefix("image/") ? String(parsed.mediaType.dropFirst(6)) : parsed.mediaType
            return try memory(parsed.bytes, name: input.displayName, declaredType: type.isEmpty ? nil : type)
        case .bytes(let data, let name, let declaredType):
            guard data.count <= maxBytes else {
                throw FrameError(.inputTooLarge, "\(data.count) bytes is over the input cap of \(maxBytes) bytes", source: name)
            }
            return try memory(data, name: name, declaredType: declaredType)
        }
    }

    private static func memory(_ data: Data, name: String, declaredType: String?) throws(FrameError) -> LoadedInput {
        guard !data.isEmpty else { throw FrameError(.unreadable, "the input is empty (0 bytes)", source: name) }
        return LoadedInput(
            name: name, storage: .memory(InputBytes(copying: data)), byteCount: data.count,
            head: Array(data.prefix(FormatSniffer.headLength)), declaredType: declaredType)
    }

    private static func openFile(_ path: String) throws(FrameError) -> LoadedInput {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw FrameError(.unreadable, "cannot open: \(reason)", source: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let what = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw FrameError(.unreadable, "cannot read an image from \(what); give a file", source: path)
        }
        guard info.st_size > 0 else { throw FrameError(.unreadable, "the file is empty (0 bytes)", source: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FrameError(.unreadable, "cannot open: \(String(cString: strerror(errno)))", source: path)
        }
        // A handle opened for reading only: closing it cannot lose data, and the head was read.
        defer { try? handle.close() }
        let head: [UInt8]
        do {
            head = Array(try handle.read(upToCount: FormatSniffer.headLength) ?? Data())
        } catch {
            throw FrameError(.unreadable, "cannot read: \(error.localizedDescription)", source: path)
        }
        let ext = (path as NSString).pathExtension
        return LoadedInput(
            name: path, storage: .file(path: path), byteCount: Int(info.st_size),
            head: head, declaredType: ext.isEmpty ? nil : ext.lowercased())
    }

    private static func readStandardInput(maxBytes: Int) throws(FrameError) -> Data {
        var data = Data()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FrameError(.unreadable, "cannot read: \(String(cString: strerror(errno)))", source: "stdin")
            }
            if count == 0 { break }
            guard data.count + count <= maxBytes else {
                throw FrameError(.inputTooLarge, "more than \(maxBytes) bytes on stdin (the input cap)", source: "stdin")
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// All the bytes: for memory inputs, no copy; files are read now.
    func allBytes() throws(FrameError) -> Data {
        switch storage {
        case .memory(let bytes):
            return bytes.data
        case .file(let path):
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw FrameError(.unreadable, "cannot read: \(error.localizedDescription)", source: name)
            }
        }
    }
}
