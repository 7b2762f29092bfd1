import ArgumentParser
import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Make frames acceptable with the smallest change, and write DIR/first.<ext> and DIR/last.<ext>.",
        discussion: """
            A compliant input is copied byte for byte. Outputs are written atomically; originals are \
            never touched. Exit 0: written and verified. 2: an input is unusable. 64: usage. 74: an output cannot be written.
            """
    )

    @Argument(help: "The first frame: a path, '-', an http(s) URL or a data: URI.")
    var first: String
    @Option(help: "The last frame.")
    var last: String?
    @Option(help: "Where to write first.<ext> and last.<ext> (created if missing).")
    var outputDir: String
    @Flag(help: "Print one JSON document on stdout.")
    var json = false
    @OptionGroup(title: "Video framing") var framing: VideoFramingOptions
    @OptionGroup(title: "Rules") var rules: PolicyOptions
    @OptionGroup(title: "Fix") var fixOptions: FixOptionsGroup

    func run() async throws {
        let resolver = rules.resolver
        let policy = rules.policy(for: framing.modelOption)
        let options = fixOptions.options(video: framing.videoTarget)
        let frames: (first: PreparedFrame, last: PreparedFrame?)
        do {
            let firstInput = try await Self.input(resolver.resolve(first))
            let lastInput = if let last { try await Self.input(resolver.resolve(last)) } else { ImageInput?.none }
            // In a worker: a crash of the image library is this input's error (exit 2), not ours.
            frames = try await ContainedPreparation.run(workers: 1) { isolation in
                try await isolation.fix(first: firstInput, last: lastInput, policy: policy, options: options)
            }
        } catch {
            if json, let error = error as? FrameError { try JSONOutput.print(snakeCase: true, FixFailureDocument(error: error)) }
            if json, let error = error as? SeedanceKitError { try JSONOutput.print(snakeCase: true, FixWorkerFailureDocument(error: error)) }
            throw ExitStatus.reporting(error, command: "seedance fix")
        }
        // Warnings libvips raised on its own threads, which no frame can own.
        for warning in ImageEngine.takeDiagnostics() { Terminal.diagnostic("seedance fix: libvips: \(warning)") }
        let prepared = [frames.first] + (frames.last.map { [$0] } ?? [])
        let written = try write(prepared)
        if json {
            try JSONOutput.print(
                snakeCase: true,
                FixDocument(
                    ok: true, outputDir: outputDir,
                    images: zip(prepared, written).map { FixDocument.Image($0, output: $1.path) }))
        } else {
            for (frame, url) in zip(prepared, written) { Terminal.diagnostic(Self.describe(frame, output: url)) }
        }
    }

    private static func input(_ resolved: InputResolver.Resolved) throws(FrameError) -> ImageInput {
        switch resolved {
        case .frame(let frame): return frame.input
        case .failed(let error): throw error
        }
    }

    /// Writes every frame or none: a failure removes what was already written.
    private func write(_ frames: [PreparedFrame]) throws -> [URL] {
        let folder = URL(fileURLWithPath: outputDir)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            Terminal.diagnostic("seedance fix: cannot create \(outputDir): \(error.localizedDescription)")
            throw ExitStatus.localIO.exitCode
        }
        let targets = frames.map { folder.appendingPathComponent("\($0.role.rawValue).\($0.format.fileExtension)") }
        let sources = [first, last].compactMap { $0 }.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        if let clash = targets.first(where: { sources.contains($0.resolvingSymlinksInPath().path) }) {
            Terminal.diagnostic("seedance fix: \(clash.path) is an input; choose another --output-dir so the original is never replaced")
            throw ExitStatus.usage.exitCode
        }
        var done: [URL] = []
        for (frame, target) in zip(frames, targets) {
            do {
                try AtomicFileWriter.write(frame.bytes, to: target)
                done.append(target)
            } catch {
                // Every frame or none: one that cannot be removed is named, never left silently.
                for written in done {
                    do {
                        try FileManager.default.removeItem(at: written)
                    } catch {
                        Terminal.diagnostic("seedance fix: could not remove \(written.path) after the failure: \(error.localizedDescription)")
                    }
                }
                // The output cannot be written: local I/O, not an unusable input.
                throw ExitStatus.reporting(error, command: "seedance fix")
            }
        }
        return done
    }

    private static func describe(_ frame: PreparedFrame, output: URL) -> String {
        let before = frame.before
        let after = frame.after
        var lines = [
            "\(frame.role.rawValue): \(before.source) → \(output.path)",
            "  before: \(before.format.rawValue) \(before.width)×\(before.height), \(before.bytes) bytes",
            "  after:  \(after.format.rawValue) \(after.width)×\(after.height), \(after.bytes) bytes",
        ]
        if frame.isPassThrough { lines.append("  already compliant: copied byte for byte") }
        for step in frame.steps { lines.append("  - \(step.summary): \(step.reason)") }
        for note in frame.notes { lines.append("  · \(note)") }
        return lines.joined(separator: "\n")
    }
}

/// `fix --json` when a worker failed the frame (the image library crashed, no worker started).
private struct FixWorkerFailureDocument: Encodable {
    var ok = false
    var error: SeedanceKitError
}
