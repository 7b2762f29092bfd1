/// Bounds-checked reads of fixed-width integers from a file's bytes: a header field that lies
/// outside the file answers nil rather than trapping, so a hostile header is just unreadable.
struct ByteReader {
    let bytes: [UInt8]
    /// Big-endian (Motorola) unless told otherwise, as JPEG, PNG and `MM` TIFF store numbers.
    var littleEndian = false

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    func uint16(at offset: Int) -> Int? {
        guard let a = byte(at: offset), let b = byte(at: offset + 1) else { return nil }
        return littleEndian ? Int(a) | Int(b) << 8 : Int(a) << 8 | Int(b)
    }

    func uint24(at offset: Int) -> Int? {
        guard let a = byte(at: offset), let b = byte(at: offset + 1), let c = byte(at: offset + 2) else { return nil }
        return littleEndian ? Int(a) | Int(b) << 8 | Int(c) << 16 : Int(a) << 16 | Int(b) << 8 | Int(c)
    }

    func uint32(at offset: Int) -> Int? {
        guard let a = uint16(at: offset), let b = uint16(at: offset + 2) else { return nil }
        return littleEndian ? a | b << 16 : a << 16 | b
    }

    /// A two's-complement 32-bit number (BMP's height is negative for top-down rows).
    func int32(at offset: Int) -> Int? {
        uint32(at: offset).map { Int(Int32(truncatingIfNeeded: $0)) }
    }

    func matches(_ text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        guard offset >= 0, offset + expected.count <= bytes.count else { return false }
        return bytes[offset..<offset + expected.count].elementsEqual(expected)
    }
}
