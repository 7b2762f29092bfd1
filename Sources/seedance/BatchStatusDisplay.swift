import Foundation
import SeedanceKit

/// `batch`'s progress on stderr: one live block redrawn in place on a terminal, plain lines
/// (only when something changed) otherwise.
actor BatchStatusDisplay {
    private let live: Bool
    private var block = LiveStatusBlock()
    private var log = PlainProgressLog()

    init(live: Bool) {
        self.live = live
    }

    func show(_ run: BatchRunProgress) {
        let progress = BatchProgress(run)
        if live {
            FileHandle.standardError.write(Data(block.frame(for: progress).utf8))
        } else if let line = log.line(for: progress) {
            Terminal.diagnostic(line)
        }
    }

    func finish() {}
}
