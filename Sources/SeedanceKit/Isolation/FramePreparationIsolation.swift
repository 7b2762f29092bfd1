public import FrameKit

/// Where a frame's image work (decoding, fixing, encoding with libvips) runs.
///
/// - ``inProcess``, the default: in the caller's process. Fastest and simplest; a crash of the
///   image library (libvips, or a decoder under it) on a hostile or unlucky file ends the
///   caller's process.
/// - ``contained(_:)``: in worker processes of a ``FrameWorkerPool``, under memory and CPU
///   limits of their own. A crash ends a worker: the frame is tried once more on another, then
///   fails with ``SeedanceKitError/Kind-swift.enum/imageLibraryCrashed``, and the caller goes on.
///   Costs a process start per worker and a copy of each frame's bytes each way.
///
/// ```swift
/// try await FrameWorkerPool.run(executable: "/usr/local/bin/seedance", arguments: ["prepare-worker"], maxWorkers: 2) { pool in
///     let submitter = VideoSubmitter(isolation: .contained(pool))
///     let frames = try await submitter.prepareFrames(first: first, last: nil, parameters: parameters)
/// }
/// ```
public enum FramePreparationIsolation: Sendable {
    case inProcess
    case contained(FrameWorkerPool)

    /// Runs `job` where this isolation says; returns or throws what ``FramePreparationJob/perform()`` does,
    /// and, contained, ``SeedanceKitError`` `.imageLibraryCrashed` or `.frameWorkerUnavailable`.
    public func prepare(_ job: FramePreparationJob) async throws -> FramePreparationJob.Outcome {
        switch self {
        case .inProcess: try job.perform()
        case .contained(let pool): try await pool.prepare(job)
        }
    }

    /// `FrameFixer.prepare(first:last:)` where this isolation says: the first frame fixed, then
    /// the last matched to it. Standard input is read here.
    public func fix(first: ImageInput, last: ImageInput?, policy: Policy, options: FixOptions) async throws -> (
        first: PreparedFrame, last: PreparedFrame?
    ) {
        let firstFrame = try await fix(first, role: .first, policy: policy, options: options, matching: nil)
        guard let last else { return (firstFrame, nil) }
        let target = FixPlanner.Target(width: firstFrame.width, height: firstFrame.height)
        return (firstFrame, try await fix(last, role: .last, policy: policy, options: options, matching: target))
    }

    private func fix(
        _ input: ImageInput, role: FrameRole, policy: Policy, options: FixOptions,
        matching target: FixPlanner.Target?
    ) async throws -> PreparedFrame {
        let job = try FramePreparationJob(input: input, policy: policy, options: options, role: role, target: target)
        switch try await prepare(job) {
        case .prepared(let frame): return frame
        case let outcome: throw job.unexpected(outcome)
        }
    }
}
