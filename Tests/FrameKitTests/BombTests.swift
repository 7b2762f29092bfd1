import Foundation
import Testing

@testable import FrameKit

/// Decompression bombs are answered from the header: no pixel is decoded.
@Suite struct BombTests {
    /// A real PNG of `side`×`side` grey zeros, deflated by Python's zlib row by row (CI has python3).
    static func pngBomb(side: Int, in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("bomb-\(side).png").path
        let script = """
            import struct, sys, zlib
            side = int(sys.argv[2])
            def chunk(kind, data):
                return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
            z = zlib.compressobj(9)
            row = b'\\0' * (side + 1)
            body = b''.join(z.compress(row) for _ in range(side)) + z.flush()
            with open(sys.argv[1], 'wb') as f:
                f.write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, 8, 0, 0, 0, 0)) + chunk(b'IDAT', body) + chunk(b'IEND', b''))
            """
        let outcome = try await ChildProcess.runFromPath("python3", ["-c", script, path, "\(side)"], timeout: 120)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return path
    }

    /// Header-only PNG: IHDR with any size, one tiny IDAT.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        func chunk(_ kind: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(kind.utf8) + body
            return withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + typed
                + withUnsafeBytes(of: crc32(typed).bigEndian, Array.init)
        }
        let ihdr = withUnsafeBytes(of: width.bigEndian, Array.init) + withUnsafeBytes(of: height.bigEndian, Array.init) + [8, 2, 0, 0, 0]
        let bytes =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr)
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
        return Data(bytes)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func a40000SquarePNGIsRefusedFromItsHeader() async throws {
        try await withScratchFolder("framekit") { folder in
            let path = try await Self.pngBomb(side: 40000, in: folder)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            #expect(size < 3_000_000, "a real bomb: \(size) bytes for 1.6 gigapixels")
            let clock = ContinuousClock()
            let start = clock.now
            let verdict = FramePreflight().check(first: .file(path), last: nil)[0]
            #expect(clock.now - start < .seconds(5))
            #expect(verdict.report?.width == 40000)
            #expect(verdict.violations.contains { $0.rule == .tooLargeToDecode && !$0.fixable })
            #expect(verdict.isUnusable)
            #expect(throws: FrameError.self) { try FrameFixer().prepare(.file(path), role: .first) }
        }
    }

    @Test func a65536SquareHeaderIsRefused() throws {
        let data = Self.pngHeader(width: 65536, height: 65536)
        let verdict = FramePreflight().check(first: .bytes(data, name: "bomb"), last: nil)[0]
        #expect(verdict.report?.pixelCount == 65536 * 65536)
        #expect(verdict.violations.contains { $0.rule == .tooLargeToDecode })
        do {
            _ = try FrameFixer().prepare(.bytes(data, name: "bomb"), role: .first)
            Issue.record("a bomb must not be fixed")
        } catch {
            #expect(error.kind == .tooLargeToDecode)
        }
    }
}
