/// A fast membership test for the standard base64 alphabet, used on multi-megabyte payloads.
enum Base64Charset {
    /// 0 for bytes of the alphabet, 1 for everything else.
    private static let misses: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            0
        default:
            1
        }
    }

    static func isValid(_ bytes: Substring.UTF8View) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable({ isValid($0) }) {
            return answer
        }
        return bytes.allSatisfy { misses[Int($0)] == 0 }
    }

    static func isValid(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        misses.withUnsafeBufferPointer { misses in
            // OR-ing misses together keeps the loop branch-free, which is what makes it fast.
            var miss: UInt8 = 0
            for byte in buffer {
                miss |= misses[Int(byte)]
            }
            return miss == 0
        }
    }
}
