import Foundation
import FrameKit
import Testing

/// The library is called from many tasks at once by servers: 32 concurrent fixes must give the
/// bytes that the same fixes give one at a time.
extension InProcessSuites {
    @Suite("Concurrency")
    struct ConcurrencyTests {
        /// Inputs that need different fixes: rotation, crop, CMYK, alpha, 16-bit, animation, BMP,
        /// downscale, upscale, and a pass-through.
        static let fixtures = [
            "bad-first-sideways.jpg", "bad-last-panorama.png", "cmyk-no-profile.jpg", "alpha.png",
            "rgb16.png", "orientation-6.jpg", "animated-3-frames.gif", "accepted.bmp",
            "edge-6001x3000.png", "edge-299x400.png", "grey.png", "good-first.jpg",
        ]
        static let taskCount = 32

        static func fix(_ name: String) throws -> Data {
            let path = TestPaths.fixtures.appendingPathComponent(name).path
            return try FrameFixer().prepare(.file(path), role: .first).bytes
        }

        @Test("32 concurrent fixes equal the same fixes run one by one")
        func concurrentFixesAreDeterministic() async throws {
            let jobs = (0..<Self.taskCount).map { Self.fixtures[$0 % Self.fixtures.count] }
            var expected: [String: Data] = [:]
            for name in Set(jobs) { expected[name] = try Self.fix(name) }

            let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
                for (index, name) in jobs.enumerated() {
                    group.addTask { (index, try Self.fix(name)) }
                }
                return try await group.reduce(into: [Int: Data]()) { $0[$1.0] = $1.1 }
            }
            #expect(results.count == Self.taskCount)
            for (index, name) in jobs.enumerated() {
                let bytes = try #require(results[index])
                #expect(!bytes.isEmpty)
                #expect(bytes == expected[name], "task \(index) (\(name)): \(bytes.count) bytes, one-by-one gave \(expected[name]?.count ?? 0)")
            }
        }
    }
}
