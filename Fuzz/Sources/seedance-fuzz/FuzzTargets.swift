import Foundation
import FrameKit

/// One libFuzzer entry point per part of FrameKit that reads untrusted bytes. Each must return
/// for every input; a thrown FrameError is the expected answer to garbage.
enum FuzzTargets {
    typealias Entry = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    static let all: [String: Entry] = [
        "datauri": { data, size in
            // The data-URI parser, then header inspection of whatever it decodes.
            let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
            _ = try? FrameInspector().inspect(.dataURI(text))
            return 0
        },
        "inspect": { data, size in
            // Format sniffing and every header reader, on bytes held in memory.
            _ = try? FrameInspector().inspect(.bytes(bytes(data, size), name: "fuzz"))
            return 0
        },
        "bmp": { data, size in
            // The hand-written BMP header parser: every input is made to start like a BMP.
            var input = Data([0x42, 0x4D])
            input.append(bytes(data, size))
            _ = try? FrameInspector().inspect(.bytes(input, name: "fuzz.bmp"))
            return 0
        },
        "fix": { data, size in
            // The whole fix (plan, decode, transform, encode, re-inspect) on small inputs, with a
            // low pixel limit so each run stays fast.
            guard size <= 64 * 1024 else { return 0 }
            var policy = Policy.seedance
            policy.maxPixels = 4_000_000
            _ = try? FrameFixer(policy: policy).prepare(.bytes(bytes(data, size), name: "fuzz"), role: .first)
            return 0
        },
    ]

    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Data {
        guard let data, size > 0 else { return Data() }
        return Data(bytes: data, count: size)
    }
}

/// The target `main` picked; set once, before libFuzzer's driver starts calling in.
nonisolated(unsafe) var selectedTarget: FuzzTargets.Entry = { _, _ in 0 }

/// libFuzzer's archive references this symbol even when its driver is given a callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget(data, size)
}
