import Foundation
import SeedanceKit
import SeedanceStub
import Testing

/// `seedance batch` on an 80-column pseudo-terminal, as a person runs it: the live block
/// redraws in place, so the screen keeps the same number of lines from frame to frame.
@Suite(.serialized) struct BatchLiveStatusTerminalTests {
    @Test func liveBlockKeepsItsPlaceOnAnEightyColumnTerminal() async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .seconds(1), imageValidator: FrameRulesValidator.validate)
        try await BatchCommandHarness.with(configuration) { setup in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(6), to: setup.folder)
            let executable = try #require(TestPaths.executable("seedance"), "build seedance first (swift build --build-tests)")
            // The terminal's own width must win over COLUMNS, a fallback only.
            let environment = setup.environment.merging(["COLUMNS": "200"]) { $1 }
            let arguments = ["batch", manifest, "--output-dir", setup.output, "--rpm", "600", "--max-in-flight", "2", "--resolution", "480p"]
            let run = try await ChildProcess.onThread {
                Result { try PseudoTerminal.run(executable, arguments, environment: environment, columns: 80, timeout: 300) }
            }.get()
            #expect(run.ended.status == 0, "\(run.output.suffix(3000))")
            #expect(setup.videos().count == 6)

            let frames = try Self.frames(of: run.output)
            var screen = TerminalScreen(columns: 80)
            screen.feed(frames.header)
            let headerLines = screen.lines.count
            let headerWraps = screen.wraps
            // The screen just before each redraw: every frame before it drawn.
            var samples: [(lines: [String], wraps: Int)] = []
            for (index, frame) in frames.frames.enumerated() {
                if index > 0 { samples.append((screen.lines, screen.wraps)) }
                screen.feed(frame)
            }
            #expect(samples.count >= 3, "several frames were drawn: \(run.output.debugDescription.suffix(3000))")
            for sample in samples {
                #expect(sample.lines.count == headerLines + BatchStatusLayout.lineCount,
                        "the header and the block only, in place: \(sample.lines)")
                #expect(sample.wraps == headerWraps, "no line of the block ran past 80 columns: \(sample.lines.suffix(3))")
                let block = sample.lines.suffix(BatchStatusLayout.lineCount)
                #expect(block.first?.contains("/6") == true || block.first?.contains("of 6") == true, "\(block)")
                #expect(block.last?.contains("ETA") == true, "\(block)")
            }
            #expect(screen.unknownSequences.isEmpty, "\(screen.unknownSequences)")
            FileHandle.standardError.write(Data("""
                live status at 80 columns: \(frames.frames.count) frames, \(headerLines + BatchStatusLayout.lineCount) lines on screen \
                before each redraw; last block: \(samples.last?.lines.suffix(BatchStatusLayout.lineCount) ?? [])\n
                """.utf8))
        }
    }

    /// The output split where the frames begin: the first line (the batch's header, written
    /// before any frame), then the first frame, then each stretch that starts by moving the
    /// cursor up over the block (the last one holds what the batch prints when it ends).
    static func frames(of output: String) throws -> (header: String, frames: [String]) {
        let headerEnd = try #require(output.firstRange(of: "\r\n"), "a header line").upperBound
        let starts = output[headerEnd...].ranges(of: try Regex("\u{1B}\\[[0-9]+F")).map(\.lowerBound)
        let bounds = [headerEnd] + starts + [output.endIndex]
        return (String(output[..<headerEnd]), zip(bounds, bounds.dropFirst()).map { String(output[$0..<$1]) })
    }
}
