import SeedanceAPI
import SeedanceKit
import Testing

/// The batch status as text: the live block for a terminal and plain lines for logs.
@Suite("Batch progress")
struct BatchProgressTests {
    static var sample: BatchProgress {
        BatchProgress(
            counts: [.preparing: 2, .rateLimited: 1, .submitted: 3, .running: 4, .done: 10, .failed: 1],
            spent: CostEstimate(usd: 2.6), estimate: CostEstimate(usd: 5.2), eta: .seconds(170))
    }

    @Test(
        "ETA format",
        arguments: [
            (Duration.zero, "0s"), (.milliseconds(200), "1s"), (.seconds(59), "59s"), (.seconds(60), "1m"),
            (.seconds(61), "2m"), (.seconds(3599), "60m"), (.seconds(3600), "1h 00m"), (.seconds(3900), "1h 05m"), (.seconds(-5), "0s"),
        ])
    func etaFormat(_ example: (duration: Duration, text: String)) {
        #expect(BatchProgress.format(example.duration) == example.text)
    }

    @Test func movingKeepsTheTotal() {
        var progress = BatchProgress()
        for _ in 0..<3 { progress.move(from: nil, to: .checking) }
        progress.move(from: .checking, to: .preparing)
        progress.move(from: .preparing, to: .failed)
        progress.move(from: .checking, to: .done)
        #expect(progress.total == 3)
        #expect(progress[.checking] == 1 && progress[.failed] == 1 && progress[.done] == 1 && progress[.preparing] == 0)
        #expect(progress.ended == 2)
    }

    @Test func liveBlockRedrawsInPlace() throws {
        var block = LiveStatusBlock()
        let lines = try #require(BatchStatusLayout.lines(for: Self.sample, width: 80))
        #expect(block.frame(for: Self.sample, width: 80) == lines.joined(separator: "\n") + "\n")
        #expect(block.frame(for: Self.sample, width: 80) == "\u{1B}[2F\u{1B}[J" + lines.joined(separator: "\n") + "\n")
    }

    /// A terminal narrowed under the block rewraps its lines: the redraw goes up over every row
    /// they now take, and draws lines that fit the new width.
    @Test func liveBlockRedrawsOverRewrappedRowsAfterANarrowing() throws {
        var block = LiveStatusBlock()
        let wide = try #require(BatchStatusLayout.lines(for: Self.sample, width: 120))
        _ = block.frame(for: Self.sample, width: 120)
        let rows = wide.map { ($0.displayWidth + 39) / 40 }.reduce(0, +)
        #expect(rows > 2, "the wide block takes more rows at 40 columns: \(wide)")
        let narrow = try #require(BatchStatusLayout.lines(for: Self.sample, width: 40))
        #expect(block.frame(for: Self.sample, width: 40) == "\u{1B}[\(rows)F\u{1B}[J" + narrow.joined(separator: "\n") + "\n")
    }

    /// Too narrow for any block: the block goes, plain lines come (each only when something
    /// changed), and the block comes back below them once the terminal is wide enough.
    @Test func liveBlockFallsBackToPlainLinesWhenNothingFits() throws {
        var block = LiveStatusBlock()
        let drawn = try #require(BatchStatusLayout.lines(for: Self.sample, width: 80))
        _ = block.frame(for: Self.sample, width: 80)
        let plain = block.frame(for: Self.sample, width: 12)
        let rows = drawn.map { ($0.displayWidth + 11) / 12 }.reduce(0, +)
        #expect(plain.hasPrefix("\u{1B}[\(rows)F\u{1B}[Jprogress: "), "the block, rewrapped at 12 columns, is erased")
        #expect(plain.hasSuffix("\n") && plain.filter { $0 == "\n" }.count == 1)
        #expect(block.frame(for: Self.sample, width: 12) == "", "nothing changed, nothing written")
        var later = Self.sample
        later.move(from: .running, to: .done)
        #expect(block.frame(for: later, width: 12).hasPrefix("progress: "), "no cursor movement over plain lines")
        let lines = try #require(BatchStatusLayout.lines(for: later, width: 80))
        #expect(block.frame(for: later, width: 80) == lines.joined(separator: "\n") + "\n")
    }

    @Test func plainLogPrintsOnlyChanges() {
        var log = PlainProgressLog()
        var progress = Self.sample
        let line = log.line(for: progress)
        #expect(
            line == "progress: checking=0 preparing=2 rate-limited=1 submitted=3 running=4 done=10 failed=1 unknown=0 spent=≈ USD 2.60 (estimate)")
        progress.eta = .seconds(30)
        #expect(log.line(for: progress) == nil)
        progress.move(from: .running, to: .done)
        #expect(log.line(for: progress)?.contains("running=3 done=11") == true)
        #expect(!(line ?? "").contains("\u{1B}"))
    }
}
