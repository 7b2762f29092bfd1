import Foundation

/// The corpus that scripts/make-hostile-corpus.py writes, and what running one file through
/// `seedance check` and `seedance fix` must look like.
enum HostileCorpus {
    static let script = TestPaths.repositoryRoot.appendingPathComponent("scripts/make-hostile-corpus.py")

    /// Runs the generator (python3 from PATH, standard library only) into `folder`.
    static func generate(into folder: URL) async throws -> [URL] {
        let outcome = try await ChildProcess.runFromPath("python3", [script.path, folder.path], timeout: 120)
        guard outcome.status == 0 else {
            throw ChildProcess.SpawnError(
                description: "make-hostile-corpus.py failed (\(outcome.status.map(String.init) ?? "signal")): \(outcome.standardError)")
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The command-line argument for a corpus file: data-URI cases hold the URI as text.
    static func argument(for file: URL) throws -> String {
        guard file.lastPathComponent.hasSuffix(".uri.txt") else { return file.path }
        return try String(contentsOf: file, encoding: .utf8)
    }

    struct Limits {
        var seconds: Double
        var peakBytes: Int
    }

    /// What went wrong with one run, in words; empty when it behaved.
    static func problems(_ command: String, _ outcome: ChildProcess.Outcome, allowed: Set<Int32>, limits: Limits) -> [String] {
        var found: [String] = []
        if outcome.timedOut { found.append("\(command): hung (killed after \(Int(limits.seconds)) s)") }
        if let signal = outcome.signal, !outcome.timedOut { found.append("\(command): crashed with signal \(signal)") }
        if let status = outcome.status, !allowed.contains(status) {
            found.append("\(command): exit \(status), expected one of \(allowed.sorted()); stderr: \(outcome.standardError.suffix(400))")
        }
        if outcome.status == 2, outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            found.append("\(command): exit 2 without a message on stderr")
        }
        if outcome.peakBytes > limits.peakBytes {
            found.append("\(command): peak memory \(outcome.peakBytes >> 20) MiB over the \(limits.peakBytes >> 20) MiB bound")
        }
        return found
    }

    /// After `fix`: exactly one `first.*` on success, nothing at all on failure.
    static func outputProblems(_ folder: URL, fixStatus: Int32?) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if fixStatus == 0 {
            guard names.count == 1, let name = names.first, name.hasPrefix("first.") else {
                return ["fix: exit 0 but the output folder holds \(names.sorted())"]
            }
            return []
        }
        return names.isEmpty ? [] : ["fix: failed but left \(names.sorted()) in the output folder"]
    }
}
