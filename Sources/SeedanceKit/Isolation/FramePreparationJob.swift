public import Foundation
public import FrameKit

/// One frame's image work, as a value that can cross a process boundary: read and inspect the
/// input, decide, and fix it. ``perform()`` is the work itself; ``FramePreparationIsolation``
/// decides where it runs. Its `Codable` form leaves out ``bytes``, which travel beside it.
public struct FramePreparationJob: Sendable, Codable {
    /// The input as it travels: a file is read by path; bytes travel beside the job, not in it.
    public enum Input: Sendable, Codable, Hashable {
        case file(String)
        case dataURI(String)
        case bytes(name: String, declaredType: String?)
    }

    public var input: Input
    /// The bytes of an ``Input/bytes(name:declaredType:)`` input; empty otherwise.
    public var bytes = Data()
    public var policy: Policy
    public var options: FixOptions
    public var role: FrameRole
    /// The geometry a last frame must match (the first frame's output), if any.
    public var target: FixPlanner.Target?
    /// When false, a frame that breaks the rules is an error instead of being fixed.
    public var fixesFrames: Bool
    /// A compliant frame (that needs no matching) is answered with its report only: the caller
    /// sends the original by reference (a URL).
    public var reportsCompliantFrames: Bool
    /// libvips' threads and cache, applied where the job runs.
    public var engine: ImageEngineSettings
    /// The input's header as read earlier in this run (a batch's plan): the job starts from it
    /// instead of inspecting the header again. Nil: the job inspects it.
    public var header: HeaderInspection?

    private enum CodingKeys: String, CodingKey {
        case input, policy, options, role, target, fixesFrames, reportsCompliantFrames, engine, header
    }

    /// - Throws: `FrameError` when standard input cannot be read (it is read now, so the job
    ///   can run in another process).
    public init(
        input: ImageInput, policy: Policy, options: FixOptions, role: FrameRole, target: FixPlanner.Target? = nil,
        fixesFrames: Bool = true, reportsCompliantFrames: Bool = false,
        engine: ImageEngineSettings = ImageEngine.settings, header: HeaderInspection? = nil
    ) throws(FrameError) {
        switch try input.readingStandardInput(maxBytes: policy.maxInputBytes) {
        case .file(let path): (self.input, bytes) = (.file(path), Data())
        case .dataURI(let text): (self.input, bytes) = (.dataURI(text), Data())
        case .bytes(let data, let name, let declaredType): (self.input, bytes) = (.bytes(name: name, declaredType: declaredType), data)
        case .standardInput: preconditionFailure("standard input was read above")
        }
        self.policy = policy
        self.options = options
        self.role = role
        self.target = target
        self.fixesFrames = fixesFrames
        self.reportsCompliantFrames = reportsCompliantFrames
        self.engine = engine
        self.header = header
    }

    public var imageInput: ImageInput {
        switch input {
        case .file(let path): .file(path)
        case .dataURI(let text): .dataURI(text)
        case .bytes(let name, let declaredType): .bytes(bytes, name: name, declaredType: declaredType)
        }
    }

    /// How the input is named in messages; never the bytes of a data URI.
    public var inputName: String { imageInput.displayName }

    /// What the work produced.
    public enum Outcome: Sendable {
        /// The frame is compliant as it is and ``reportsCompliantFrames`` was set: its header facts.
        case compliant(ImageReport)
        /// The frame ready to send or write (the original bytes when it was compliant).
        case prepared(PreparedFrame)
    }

    /// The error for an outcome this job cannot have (a compliant answer when ``reportsCompliantFrames``
    /// is off): only a worker process that misbehaves gives one, and it must not end the caller.
    func unexpected(_ outcome: Outcome) -> SeedanceKitError {
        SeedanceKitError(
            .frameWorkerUnavailable,
            "\(inputName): the frame preparation worker answered with a frame report "
                + "where a prepared frame was asked for")
    }

    /// Inspects the input once (or starts from ``header``) and fixes it, in this process.
    /// - Throws: `FrameError`, or ``SeedanceKitError`` `.frameNotCompliant` when the frame breaks
    ///   the rules and ``fixesFrames`` is false.
    public func perform() throws -> Outcome {
        if engine != ImageEngine.settings { ImageEngine.configure(engine) }
        let inspector = FrameInspector(policy: policy)
        let inspected: InspectedFrame
        if let header {
            inspected = try inspector.inspectFrame(imageInput, knownHeader: header).frame
        } else {
            inspected = try inspector.inspectFrame(imageInput)
        }
        let report = inspected.report
        let violations = RuleChecker(policy: policy).findings(for: report).filter { $0.severity == .violation }
        if reportsCompliantFrames {
            let needsMatch = target.map { ($0.width, $0.height) != (report.width, report.height) } ?? false
            if violations.isEmpty && !(needsMatch && fixesFrames) { return .compliant(report) }
        }
        if !fixesFrames && !violations.isEmpty {
            throw SeedanceKitError(
                .frameNotCompliant,
                "\(role.rawValue) frame \(inputName) breaks the rules and fixing is turned off: "
                    + violations.map { "[\($0.rule.rawValue)] \($0.message)" }.joined(separator: "; "))
        }
        return .prepared(try FrameFixer(policy: policy, options: options).prepare(inspected, role: role, matching: fixesFrames ? target : nil))
    }
}
