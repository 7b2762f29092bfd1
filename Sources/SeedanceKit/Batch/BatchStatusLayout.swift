internal import SeedanceAPI

/// The live status block's text for a terminal `width` columns wide: always two lines, the
/// items and then the money and time, each in the most detailed form that fits.
///
/// Forms get shorter in a fixed order: zero counts go first, then decoration (the `·`
/// separators, "of", "USD", "(estimate)"), then long words, then the phases that matter least
/// (submitted, preparing, checking). Never dropped: done of total, running, waiting for the rate
/// limit, failed and unknown when not zero, the spend so far of the estimate, and the ETA.
public enum BatchStatusLayout {
    /// Lines in every block whatever the width: a block that changed height with its content
    /// could leave a stale line behind or take one that is not its own.
    public static let lineCount = 2

    /// The block's lines, none wider than `width` columns; nil when even the shortest form does
    /// not fit (show plain progress lines then, never a block that wraps).
    public static func lines(for progress: BatchProgress, width: Int) -> [String]? {
        guard let items = widest(ItemsForm.allCases.map { $0.line(for: progress) }, within: width),
            let money = widest(MoneyForm.allCases.map { $0.line(for: progress) }, within: width)
        else { return nil }
        return [items, money]
    }

    /// The first of `candidates` (most detailed first) that fits.
    private static func widest(_ candidates: [String], within width: Int) -> String? {
        candidates.first { $0.displayWidth <= width }
    }
}

/// The items line, most detailed first: `done 10 of 21 · running 4 · … · unknown 0` down to
/// `10/21 run 4 wait 1 fail 1`.
private enum ItemsForm: CaseIterable, Comparable {
    case everyPhase, nonZero, undecorated, shortWords, essential, bare

    /// After done, in the order a line goes through them; failed and unknown last, where a
    /// reader looks for trouble.
    private static let phases: [BatchProgress.Phase] = [.running, .submitted, .rateLimited, .preparing, .checking, .failed, .unknown]
    private static let essentialPhases: Set<BatchProgress.Phase> = [.running, .rateLimited, .failed, .unknown]

    func line(for progress: BatchProgress) -> String {
        let decorated = self == .everyPhase || self == .nonZero
        let done =
            switch self {
            case .everyPhase, .nonZero: "done \(progress[.done]) of \(progress.total)"
            case .undecorated, .shortWords, .essential: "done \(progress[.done])/\(progress.total)"
            // Done of total as a count alone, the way progress is often shown where room is short.
            case .bare: "\(progress[.done])/\(progress.total)"
            }
        let shown = Self.phases.filter { phase in
            (self == .everyPhase || progress[phase] > 0) && (self < .essential || Self.essentialPhases.contains(phase))
        }
        let parts = shown.map { "\(label($0)) \(progress[$0])" }
        return ([done] + parts).joined(separator: decorated ? " · " : " ")
    }

    private func label(_ phase: BatchProgress.Phase) -> String {
        switch self {
        case .everyPhase, .nonZero, .undecorated: phase.label
        case .shortWords, .essential: phase.shortLabel
        case .bare: phase == .unknown ? "unk" : phase.shortLabel
        }
    }
}

/// The money-and-time line, most detailed first: `spent ≈ USD 0.52 of 2.60 (estimate) · ETA 51s`
/// down to `≈$0.52/$2.60 ETA 51s`.
private enum MoneyForm: CaseIterable {
    case decorated, undecorated, essential

    func line(for progress: BatchProgress) -> String {
        let spent = progress.spent.usd.map(CostEstimate.dollars)
        let estimate = progress.estimate.usd.map(CostEstimate.dollars)
        let eta = progress.eta.map(BatchProgress.format)
        switch self {
        case .decorated:
            let money = spent.map { spent in "≈ USD \(spent)" + (estimate.map { " of \($0)" } ?? "") + " (estimate)" }
            return "spent \(money ?? "unknown") · ETA \(eta ?? "unknown")"
        case .undecorated:
            let money = spent.map { spent in "≈ $\(spent)" + (estimate.map { " of $\($0)" } ?? "") }
            return "spent \(money ?? "unknown") · ETA \(eta ?? "unknown")"
        case .essential:
            let money = spent.map { spent in "≈$\(spent)" + (estimate.map { "/$\($0)" } ?? "") }
            return "\(money ?? "$?") ETA \(eta ?? "?")"
        }
    }
}
