import Foundation
import FrameKit
import Testing

/// Many check+fix rounds in one process keep memory flat. `make check-leaks` runs 1000 rounds
/// (SEEDANCE_LEAK_ROUNDS); `make test` runs a shorter variant. The rounds run in a child
/// (``ChildTestRun``): the resident memory measured is theirs alone, not that of whatever other
/// suites this process runs in parallel meanwhile.
@Suite("Leaks")
struct LeakTests {
    static let fixtures = ["bad-first-sideways.jpg", "alpha.png", "cmyk-no-profile.jpg", "accepted.gif", "accepted.bmp", "truncated.jpg"]
    /// Growth allowed over the last third of the rounds.
    static let thresholdBytes = 20 << 20

    static var rounds: Int {
        ProcessInfo.processInfo.environment["SEEDANCE_LEAK_ROUNDS"].flatMap(Int.init) ?? 150
    }

    static let childVariable = "SEEDANCE_LEAK_CHILD"

    @Test("check+fix rounds keep resident memory flat")
    func roundsKeepMemoryFlat() async throws {
        guard ChildTestRun.isChild(Self.childVariable) else {
            let child = try await ChildTestRun.run(matching: "LeakTests", variable: Self.childVariable, timeout: 3600)
            let output = child.standardOutput + child.standardError
            let summary = output.split(separator: "\n").first { $0.hasPrefix("leaks: ") }
            #expect(child.status == 0, "the child run failed: \(output.suffix(3000))")
            let line = try #require(summary, "the child did not run the rounds: \(output.suffix(3000))")
            print(line)
            return
        }
        try Self.measureRounds()
    }

    /// In the child only.
    static func measureRounds() throws {
        let startBytes = try #require(ResidentMemory.bytes(), "resident memory is read from /proc/self/statm, which this system lacks")
        let rounds = Self.rounds
        let warmUp = max(10, rounds / 10)
        var samples: [Int: Int] = [:]
        for round in 0..<(warmUp + rounds) {
            let path = TestPaths.fixtures.appendingPathComponent(Self.fixtures[round % Self.fixtures.count]).path
            let verdicts = FramePreflight().check(first: .file(path), last: nil)
            #expect(verdicts.count == 1)
            // truncated.jpg cannot be fixed: the error path must not leak either.
            _ = try? FrameFixer().prepare(.file(path), role: .first)
            let measured = round - warmUp
            if measured == 0 || measured == rounds * 2 / 3 || measured == rounds - 1 {
                samples[measured] = ResidentMemory.bytes()
            }
        }
        let start = try #require(samples[0])
        let middle = try #require(samples[rounds * 2 / 3])
        let end = try #require(samples[rounds - 1])
        print(
            "leaks: \(rounds) rounds; RSS before warm-up \(startBytes >> 20) MiB, start \(start >> 20) MiB, "
                + "two-thirds \(middle >> 20) MiB, end \(end >> 20) MiB")
        #expect(
            end - middle <= Self.thresholdBytes,
            "RSS grew \((end - middle) >> 20) MiB over the last third of \(rounds) rounds (limit \(Self.thresholdBytes >> 20) MiB)")
    }
}
