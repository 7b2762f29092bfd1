import Foundation
import Synchronization
import Testing

/// Every file of the generated hostile corpus goes through the real `seedance check` and
/// `seedance fix`: only documented exits, a message on 2, no crash, bounded time and memory,
/// nothing left behind on failure (not even in `TMPDIR`), and the original's bytes untouched.
@Suite("Hostile corpus", .serialized)
struct HostileCorpusTests {
    static let limits = HostileCorpus.Limits(seconds: 20, peakBytes: 1 << 30)
    static let workers = 2

    struct FileResult: Sendable {
        var name: String
        var problems: [String]
        /// What `check` and `fix` left in the `TMPDIR` each ran with.
        var leftInTemporary: [String] = []
        var peakBytes: Int
        var seconds: Double
    }

    @Test("check and fix survive every corpus file")
    func corpus() async throws {
        let binary = try #require(
            TestPaths.executable("seedance"),
            "no seedance binary next to the test bundle; build it first (swift build --build-tests), or set SEEDANCE_BIN")
        try await withScratchFolder("hostile") { scratch in
            let corpusFolder = scratch.appendingPathComponent("corpus")
            let files = try await HostileCorpus.generate(into: corpusFolder)
            #expect(files.count > 300, "the corpus should hold a few hundred files, got \(files.count)")

            let started = Date()
            let queue = WorkQueue(count: files.count)
            let results = await withTaskGroup(of: [FileResult].self) { group in
                for _ in 0..<Self.workers {
                    group.addTask {
                        var mine: [FileResult] = []
                        while let index = queue.take() {
                            mine.append(await Self.run(files[index], index: index, binary: binary, scratch: scratch))
                        }
                        return mine
                    }
                }
                return await group.reduce(into: []) { $0 += $1 }
            }
            #expect(results.count == files.count)
            for result in results.sorted(by: { $0.name < $1.name }) where !result.problems.isEmpty {
                let detail = result.problems.joined(separator: "\n  ")
                Issue.record("\(result.name):\n  \(detail)")
            }
            // Every file, none excepted: huge-webp-vp8-16383x16383.webp once left libvips' disc
            // temporary here (TemporaryFileTests).
            for result in results.sorted(by: { $0.name < $1.name }) where !result.leftInTemporary.isEmpty {
                Issue.record("\(result.name): left in TMPDIR: \(result.leftInTemporary)")
            }
            let peak = results.max { $0.peakBytes < $1.peakBytes }
            let slowest = results.max { $0.seconds < $1.seconds }
            print(
                "hostile corpus: \(files.count) files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
                    + "peak \((peak?.peakBytes ?? 0) >> 20) MiB (\(peak?.name ?? "-")); "
                    + "slowest \(String(format: "%.2f", slowest?.seconds ?? 0)) s (\(slowest?.name ?? "-"))")
        }
    }

    private static func run(_ file: URL, index: Int, binary: String, scratch: URL) async -> FileResult {
        let name = file.lastPathComponent
        var problems: [String] = []
        var leftovers: [String] = []
        var peak = 0
        var seconds = 0.0
        do {
            let before = try Data(contentsOf: file)
            let argument = try HostileCorpus.argument(for: file)
            // A TMPDIR of the file's own, in the scratch folder: what a run leaves there is seen
            // (and removed with the folder) rather than left in the test run's TMPDIR.
            let temporary = scratch.appendingPathComponent("tmp-\(index)")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: temporary) }
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            let check = try await ChildProcess.run(binary, ["check", argument], environment: environment, timeout: limits.seconds)
            problems += HostileCorpus.problems("check", check, allowed: [0, 1, 2], limits: limits)
            let output = scratch.appendingPathComponent("out-\(index)")
            let fix = try await ChildProcess.run(
                binary, ["fix", argument, "--output-dir", output.path], environment: environment, timeout: limits.seconds)
            leftovers = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
            problems += HostileCorpus.problems("fix", fix, allowed: [0, 2], limits: limits)
            problems += HostileCorpus.outputProblems(output, fixStatus: fix.status)
            try? FileManager.default.removeItem(at: output)
            if (try? Data(contentsOf: file)) != before { problems.append("the original's bytes changed") }
            peak = max(check.peakBytes, fix.peakBytes)
            seconds = check.seconds + fix.seconds
        } catch {
            problems.append("harness: \(error)")
        }
        return FileResult(name: name, problems: problems, leftInTemporary: leftovers, peakBytes: peak, seconds: seconds)
    }
}

/// Hands out 0, 1, 2, … to the workers, each index once.
final class WorkQueue: Sendable {
    private let next = Mutex(0)
    let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        next.withLock { value in
            guard value < count else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
