import Foundation
import SeedanceKit
import SeedanceStub
import Testing

/// `seedance batch` on an 80-column pseudo-terminal, as a person runs it: the live block
/// redraws in place, so the screen keeps the same number of lines from frame to frame, also
/// after the terminal narrows.
@Suite(.serialized) struct BatchLiveStatusTerminalTests {
    /// Six lines, two in flight, tasks of a second: dozens of frames in a few seconds.
    static let configuration = StubConfiguration(
        apiKey: BatchCommandHarness.key, taskDuration: .seconds(1), imageValidator: FrameRulesValidator.validate)

    /// A six-line batch on a pseudo-terminal 80 columns wide; `COLUMNS` says 200, and the
    /// terminal's own width must win over it, a fallback only.
    static func batch(_ setup: BatchCommandHarness, resize: PseudoTerminal.Resize? = nil) async throws -> PseudoTerminal.Outcome {
        let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(6), to: setup.folder)
        let executable = try #require(TestPaths.executable("seedance"), "build seedance first (swift build --build-tests)")
        let environment = setup.environment.merging(["COLUMNS": "200"]) { $1 }
        let arguments = ["batch", manifest, "--output-dir", setup.output, "--rpm", "600", "--max-in-flight", "2", "--resolution", "480p"]
        let run = try await PseudoTerminal.run(executable, arguments, environment: environment, columns: 80, resize: resize, timeout: 300)
        #expect(run.ended.status == 0, "\(run.output.suffix(3000))")
        #expect(setup.videos().count == 6)
        return run
    }

    @Test func liveBlockKeepsItsPlaceOnAnEightyColumnTerminal() async throws {
        try await BatchCommandHarness.with(Self.configuration) { setup in
            let run = try await Self.batch(setup)
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
                #expect(
                    sample.lines.count == headerLines + BatchStatusLayout.lineCount,
                    "the header and the block only, in place: \(sample.lines)")
                #expect(sample.wraps == headerWraps, "no line of the block ran past 80 columns: \(sample.lines.suffix(3))")
                let block = sample.lines.suffix(BatchStatusLayout.lineCount)
                #expect(block.first?.contains("/6") == true || block.first?.contains("of 6") == true, "\(block)")
                #expect(block.last?.contains("ETA") == true, "\(block)")
            }
            #expect(screen.unknownSequences.isEmpty, "\(screen.unknownSequences)")
            FileHandle.standardError.write(
                Data(
                    """
                    live status at 80 columns: \(frames.frames.count) frames, \(headerLines + BatchStatusLayout.lineCount) lines on screen \
                    before each redraw; last block: \(samples.last?.lines.suffix(BatchStatusLayout.lineCount) ?? [])\n
                    """.utf8))
        }
    }

    /// Narrowed from 80 to 40 columns part-way (and sent SIGWINCH, as a terminal window does),
    /// the block is redrawn at the new width over the rows the terminal rewrapped: after at most
    /// a frame drawn before the resize, the screen keeps a constant number of lines again and no
    /// line wraps.
    @Test func liveBlockFollowsTheTerminalWhenItNarrows() async throws {
        try await BatchCommandHarness.with(Self.configuration) { setup in
            let resize = PseudoTerminal.Resize(columns: 40) { output in
                (try? Self.redraws(in: output).count) ?? 0 >= 3
            }
            let run = try await Self.batch(setup, resize: resize)
            let output = run.output
            let sentAt = output.utf8.index(output.startIndex, offsetBy: try #require(run.resizedAt, "resized part-way"))
            // The terminal is taken as resized where the program first drew at the new width:
            // frames it wrote at 80 columns can still be in the pty's buffer when the test sends
            // the resize, and a terminal shows bytes in the order they were written.
            let redraws = try Self.redraws(in: output)
            let resizedAt = try #require(
                redraws.first { $0 >= sentAt && Self.lastLine(of: output, from: $0, redraws: redraws).displayWidth <= 40 },
                "a frame drawn at 40 columns after the resize")

            let headerEnd = try #require(output.firstRange(of: "\r\n")).upperBound
            var narrowHeader = TerminalScreen(columns: 40)
            narrowHeader.feed(String(output[..<headerEnd]))
            var screen = TerminalScreen(columns: 80)
            var resized = false
            var after: [(lines: [String], wraps: Int)] = []
            let cuts = ([output.startIndex, resizedAt, output.endIndex] + redraws).sorted()
            for (from, to) in zip(cuts, cuts.dropFirst()) {
                if !resized, from >= resizedAt {
                    screen.resize(columns: 40)
                    resized = true
                }
                if resized, redraws.contains(from) { after.append((screen.lines, screen.wraps)) }
                screen.feed(String(output[from..<to]))
            }
            #expect(after.count >= 4, "several frames after the resize: \(output.debugDescription.suffix(3000))")
            let settled = after.dropFirst(2)
            for sample in settled {
                #expect(
                    sample.lines.count == narrowHeader.lines.count + BatchStatusLayout.lineCount,
                    "the header and the block only, in place: \(sample.lines)")
                #expect(sample.wraps == settled.first?.wraps, "no line of the block ran past 40 columns: \(sample.lines.suffix(3))")
            }
            #expect(screen.unknownSequences.isEmpty, "\(screen.unknownSequences)")
            FileHandle.standardError.write(
                Data(
                    """
                    live status narrowed to 40 columns after \(redraws.count(where: { $0 < resizedAt })) redraws; \
                    \(after.count) redraws after; last block: \(settled.last?.lines.suffix(BatchStatusLayout.lineCount) ?? [])\n
                    """.utf8))
        }
    }

    /// The last line of the frame that begins at `start` (the money line: wider than 40 columns
    /// in every form drawn at 80).
    static func lastLine(of output: String, from start: String.Index, redraws: [String.Index]) -> String {
        let end = redraws.first { $0 > start } ?? output.endIndex
        return output[start..<end].split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    }

    /// Where each redraw begins: the cursor moving up over the block.
    static func redraws(in output: String) throws -> [String.Index] {
        output.ranges(of: try Regex("\u{1B}\\[[0-9]+F")).map(\.lowerBound)
    }

    /// The output split where the frames begin: the first line (the batch's header, written
    /// before any frame), then the first frame, then each stretch that starts by moving the
    /// cursor up over the block (the last one holds what the batch prints when it ends).
    static func frames(of output: String) throws -> (header: String, frames: [String]) {
        let headerEnd = try #require(output.firstRange(of: "\r\n"), "a header line").upperBound
        let starts = try redraws(in: output)
        let bounds = [headerEnd] + starts + [output.endIndex]
        return (String(output[..<headerEnd]), zip(bounds, bounds.dropFirst()).map { String(output[$0..<$1]) })
    }
}
