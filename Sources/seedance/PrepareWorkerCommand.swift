import ArgumentParser
import Foundation
import SeedanceKit

/// The frame preparation worker the CLI starts for itself (see ``ContainedPreparation``): hidden
/// from help, it serves one frame at a time on stdin and stdout until stdin closes.
struct PrepareWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare-worker",
        abstract: "Internal: prepare frames for another seedance process, one at a time on stdin and stdout.",
        shouldDisplay: false
    )

    @Option(help: "The worker's address space in MiB (0: no limit).")
    var maxMemoryMb = FrameWorkerLimits.defaultAddressSpaceBytes >> 20
    @Option(help: "CPU seconds per frame (0: no limit).")
    var maxCpuSeconds = FrameWorkerLimits.defaultCPUSecondsPerFrame
    /// Tests only (see ``FrameWorkerService/fault``); also from SEEDANCE_WORKER_FAULT.
    @Option(help: .hidden)
    var injectFault: String?

    func run() throws {
        let limits = FrameWorkerLimits(
            addressSpaceBytes: maxMemoryMb > 0 ? maxMemoryMb << 20 : nil,
            cpuSecondsPerFrame: maxCpuSeconds > 0 ? maxCpuSeconds : nil)
        do {
            try FrameWorkerService(limits: limits, fault: injectFault ?? ProcessInfo.processInfo.environment["SEEDANCE_WORKER_FAULT"]).serve()
        } catch {
            // Only a broken stream ends here: the caller treats the worker as dead.
            Terminal.diagnostic("seedance prepare-worker: \(error)")
            throw ExitCode.failure
        }
    }
}
