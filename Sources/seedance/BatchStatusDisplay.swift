import Dispatch
import Foundation
import SeedanceAPI
import SeedanceKit

/// `batch`'s progress on stderr: one live block redrawn in place on a terminal, fitted to its
/// width at each frame and redrawn when it is resized (SIGWINCH); plain lines (only when
/// something changed) otherwise.
actor BatchStatusDisplay {
    private let live: Bool
    /// The whole batch's estimated spend, what the spend so far is shown against.
    private let estimate: CostEstimate
    private var block = LiveStatusBlock()
    private var log = PlainProgressLog()
    private var latest: BatchProgress?
    private var resized: (any DispatchSourceSignal)?

    init(live: Bool, estimate: CostEstimate) {
        self.live = live
        self.estimate = estimate
    }

    func show(_ run: BatchRunProgress) {
        var progress = BatchProgress(run)
        progress.estimate = estimate
        latest = progress
        if live {
            watchResizes()
            draw(progress)
        } else if let line = log.line(for: progress) {
            Terminal.diagnostic(line)
        }
    }

    /// Stops redrawing: a resize after this must not draw over what the batch prints next.
    func finish() {
        resized?.cancel()
        resized = nil
        latest = nil
    }

    private func draw(_ progress: BatchProgress) {
        FileHandle.standardError.write(Data(block.frame(for: progress, width: Terminal.columns()).utf8))
    }

    /// Redraws the latest progress at the new width: a wait for a slow task can be long, and a
    /// block left at the old width would wrap.
    private func redraw() {
        if let latest { draw(latest) }
    }

    private func watchResizes() {
        guard resized == nil else { return }
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler { [weak self] in
            Task { await self?.redraw() }
        }
        source.resume()
        resized = source
    }
}
