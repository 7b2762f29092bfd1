import SeedanceAPI

extension BatchProgress {
    /// A run's item states in the coarser phases a person sees in the status block.
    public init(_ run: BatchRunProgress) {
        var progress = BatchProgress(spent: CostEstimate(usd: run.spentUSD), eta: run.eta)
        for (state, count) in run.counts {
            progress[Self.phase(for: state)] += count
        }
        self = progress
    }

    static func phase(for state: BatchRunItemState) -> Phase {
        switch state {
        // Not sent (yet): a capped item waits for a larger cap, like a pending one.
        case .pending, .capped: .checking
        case .preparing: .preparing
        case .ready, .rateLimited: .rateLimited
        case .submitting, .submitted: .submitted
        // A succeeded task is still being downloaded.
        case .running, .succeeded: .running
        // Another process holds a skipped item and finishes it.
        case .downloaded, .skipped: .done
        case .failed: .failed
        case .outcomeUnknown: .unknown
        }
    }
}
