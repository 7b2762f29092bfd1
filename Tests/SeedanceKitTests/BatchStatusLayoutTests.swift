import SeedanceAPI
import SeedanceKit
import Testing

/// The live block's text at each width: two lines, none wider than the terminal, the most
/// detailed form that fits, and what matters most kept to the last.
@Suite("Batch status layout")
struct BatchStatusLayoutTests {
    /// Part-way through, something in every phase but checking and unknown.
    static let midway = BatchProgress(
        counts: [.preparing: 2, .rateLimited: 1, .submitted: 3, .running: 4, .done: 10, .failed: 1],
        spent: CostEstimate(usd: 2.6), estimate: CostEstimate(usd: 5.2), eta: .seconds(170))
    /// The issue's batch: six lines, five waiting for the rate limit.
    static let issue = BatchProgress(
        counts: [.rateLimited: 5, .running: 1], spent: CostEstimate(usd: 0.52), estimate: CostEstimate(usd: 3.12), eta: .seconds(51))
    /// Five thousand lines, every phase busy, four-digit dollars, hours left.
    static let large = BatchProgress(
        counts: [.checking: 3601, .preparing: 8, .rateLimited: 100, .submitted: 40, .running: 12, .done: 1234, .failed: 3, .unknown: 2],
        spent: CostEstimate(usd: 1234.56), estimate: CostEstimate(usd: 5000), eta: .seconds(7500))
    /// No price known and nothing ended yet.
    static let unpriced = BatchProgress(counts: [.checking: 3], spent: .unknown, estimate: .unknown, eta: nil)

    static let states: [(name: String, progress: BatchProgress)] = [
        ("midway", midway), ("issue", issue), ("large", large), ("unpriced", unpriced),
    ]

    @Test(
        "the form each width gets",
        arguments: [
            (
                "midway", 120,
                [
                    "done 10 of 21 · running 4 · submitted 3 · rate-limited 1 · preparing 2 · checking 0 · failed 1 · unknown 0",
                    "spent ≈ USD 2.60 of 5.20 (estimate) · ETA 3m",
                ]
            ),
            (
                "midway", 80,
                [
                    "done 10/21 running 4 submitted 3 rate-limited 1 preparing 2 failed 1",
                    "spent ≈ USD 2.60 of 5.20 (estimate) · ETA 3m",
                ]
            ),
            (
                "midway", 60,
                [
                    "done 10/21 run 4 sent 3 wait 1 prep 2 fail 1",
                    "spent ≈ USD 2.60 of 5.20 (estimate) · ETA 3m",
                ]
            ),
            (
                "midway", 40,
                [
                    "done 10/21 run 4 wait 1 fail 1",
                    "spent ≈ $2.60 of $5.20 · ETA 3m",
                ]
            ),
            (
                "issue", 120,
                [
                    "done 0 of 6 · running 1 · submitted 0 · rate-limited 5 · preparing 0 · checking 0 · failed 0 · unknown 0",
                    "spent ≈ USD 0.52 of 3.12 (estimate) · ETA 51s",
                ]
            ),
            (
                "issue", 80,
                [
                    "done 0 of 6 · running 1 · rate-limited 5",
                    "spent ≈ USD 0.52 of 3.12 (estimate) · ETA 51s",
                ]
            ),
            (
                "issue", 40,
                [
                    "done 0 of 6 · running 1 · rate-limited 5",
                    "spent ≈ $0.52 of $3.12 · ETA 51s",
                ]
            ),
            (
                "large", 120,
                [
                    "done 1234 of 5000 · running 12 · submitted 40 · rate-limited 100 · preparing 8 · checking 3601 · failed 3 · unknown 2",
                    "spent ≈ USD 1234.56 of 5000.00 (estimate) · ETA 2h 05m",
                ]
            ),
            (
                "large", 80,
                [
                    "done 1234/5000 run 12 sent 40 wait 100 prep 8 check 3601 fail 3 unknown 2",
                    "spent ≈ USD 1234.56 of 5000.00 (estimate) · ETA 2h 05m",
                ]
            ),
            (
                "large", 60,
                [
                    "done 1234/5000 run 12 wait 100 fail 3 unknown 2",
                    "spent ≈ USD 1234.56 of 5000.00 (estimate) · ETA 2h 05m",
                ]
            ),
            (
                "large", 40,
                [
                    "1234/5000 run 12 wait 100 fail 3 unk 2",
                    "≈$1234.56/$5000.00 ETA 2h 05m",
                ]
            ),
            (
                "unpriced", 80,
                [
                    "done 0 of 3 · checking 3",
                    "spent unknown · ETA unknown",
                ]
            ),
            (
                "unpriced", 20,
                [
                    "done 0/3 checking 3",
                    "$? ETA ?",
                ]
            ),
        ])
    func form(_ example: (state: String, width: Int, lines: [String])) throws {
        let progress = try #require(Self.states.first { $0.name == example.state }?.progress)
        #expect(BatchStatusLayout.lines(for: progress, width: example.width) == example.lines)
    }

    /// Every state at every width: two lines that fit, with what matters most in them.
    @Test("every line fits and keeps what matters", arguments: [120, 80, 60, 40])
    func fitsAndKeepsPriorities(width: Int) throws {
        for (name, progress) in Self.states {
            let lines = try #require(BatchStatusLayout.lines(for: progress, width: width), "\(name) at \(width)")
            #expect(lines.count == BatchStatusLayout.lineCount)
            for line in lines {
                #expect(line.displayWidth <= width, "\(name) at \(width): \(line) is \(line.displayWidth) columns")
            }
            let items = lines[0]
            let money = lines[1]
            #expect(items.contains("\(progress[.done])/\(progress.total)") || items.contains("\(progress[.done]) of \(progress.total)"))
            for phase in [BatchProgress.Phase.running, .rateLimited, .failed, .unknown] where progress[phase] > 0 {
                #expect(items.contains(" \(progress[phase])"), "\(name) at \(width): \(phase) missing from \(items)")
            }
            if let spent = progress.spent.usd, let estimate = progress.estimate.usd {
                #expect(money.contains(CostEstimate.dollars(spent)) && money.contains(CostEstimate.dollars(estimate)))
            }
            #expect(money.contains("ETA"))
        }
    }

    /// Zero counts and decoration go before any word is shortened or any phase dropped.
    @Test func zeroCountsAndDecorationGoFirst() throws {
        let widths = Array(20...130)
        var seen: [String] = []
        for width in widths.reversed() {
            guard let items = BatchStatusLayout.lines(for: Self.midway, width: width)?[0], items != seen.last else { continue }
            seen.append(items)
        }
        #expect(seen.count == 6, "every form appears once as the width shrinks: \(seen)")
        #expect(seen.first?.contains("checking 0") == true)
        #expect(seen.dropFirst().allSatisfy { !$0.contains(" 0") }, "zero counts go first")
        #expect(seen.firstIndex { !$0.contains("·") } ?? 0 < seen.firstIndex { $0.contains(" run ") } ?? 0, "decoration before words")
        #expect(seen.last?.contains("sent") == false && seen.last?.contains("prep") == false)
    }

    @Test func tooNarrowForAnyForm() {
        #expect(BatchStatusLayout.lines(for: Self.midway, width: 24) == nil)
        #expect(BatchStatusLayout.lines(for: Self.midway, width: 0) == nil)
    }

    @Test(
        "display width",
        arguments: [
            ("abc", 3), ("·≈…", 3), ("spent ≈ USD 2.60 · ETA 3m", 25), ("日本", 4), ("e\u{301}", 1), ("\u{1B}", 0), ("🎬", 2), ("", 0),
        ])
    func displayWidth(_ example: (text: String, columns: Int)) {
        #expect(example.text.displayWidth == example.columns)
    }
}
