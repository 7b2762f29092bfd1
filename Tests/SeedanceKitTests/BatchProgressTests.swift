import SeedanceAPI
import SeedanceKit
import Testing

/// The batch status as text: the live block for a terminal and plain lines for logs.
@Suite("Batch progress")
struct BatchProgressTests {
    static var sample: BatchProgress {
        BatchProgress(
            counts: [.preparing: 2, .rateLimited: 1, .submitted: 3, .running: 4, .done: 10, .failed: 1],
            spent: CostEstimate(usd: 2.6), eta: .seconds(170))
    }

    @Test func statusLineShowsEveryPhaseSpendAndETA() {
        #expect(Self.sample.statusLine
            == "checking 0 · preparing 2 · rate-limited 1 · submitted 3 · running 4 · done 10 · failed 1 · unknown 0 | spent ≈ USD 2.60 (estimate) | ETA 3m")
        var unknownSpend = Self.sample
        unknownSpend.spent = .unknown
        unknownSpend.eta = nil
        #expect(unknownSpend.statusLine.hasSuffix("| spent unknown | ETA unknown"))
    }

    @Test("ETA format", arguments: [
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

    @Test func liveBlockRedrawsInPlace() {
        var block = LiveStatusBlock()
        let first = block.frame(for: Self.sample)
        #expect(first == Self.sample.statusLine + "\n")
        let second = block.frame(for: Self.sample, extra: ["waiting for the rate limit: 12s"])
        #expect(second == "\u{1B}[1F\u{1B}[J" + Self.sample.statusLine + "\nwaiting for the rate limit: 12s\n")
        let third = block.frame(for: Self.sample)
        #expect(third.hasPrefix("\u{1B}[2F\u{1B}[J"))
    }

    @Test func plainLogPrintsOnlyChanges() {
        var log = PlainProgressLog()
        var progress = Self.sample
        let line = log.line(for: progress)
        #expect(line == "progress: checking=0 preparing=2 rate-limited=1 submitted=3 running=4 done=10 failed=1 unknown=0 spent=≈ USD 2.60 (estimate)")
        progress.eta = .seconds(30)
        #expect(log.line(for: progress) == nil)
        progress.move(from: .running, to: .done)
        #expect(log.line(for: progress)?.contains("running=3 done=11") == true)
        #expect(!(line ?? "").contains("\u{1B}"))
    }
}
