public import FrameKit
import Foundation
public import SeedanceAPI

/// The one call other tools make: prepare both frames (fixing them unless told not to), build
/// and validate the request, submit it once with an intent in the state store, and optionally
/// wait and download.
public struct VideoSubmitter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// A frame breaks the rules and fixing was turned off.
            case frameNotCompliant
            /// A frame cannot be used at all.
            case frameUnusable
        }
        public var kind: Kind
        public var message: String
        public var description: String { message }
    }

    public var policy: Policy
    public var fixOptions: FixOptions
    /// When false, a non-compliant frame is an error instead of being fixed.
    public var fixesFrames: Bool
    public var fetcher: RemoteImageFetcher

    public init(policy: Policy = .seedance, fixOptions: FixOptions = FixOptions(), fixesFrames: Bool = true,
                fetcher: RemoteImageFetcher = RemoteImageFetcher()) {
        self.policy = policy
        self.fixOptions = fixOptions
        self.fixesFrames = fixesFrames
        self.fetcher = fetcher
    }

    /// Both frames, the last matched to the first.
    public func prepareFrames(first: FrameSource, last: FrameSource?) async throws -> [RequestFrame] {
        let firstFrame = try await prepare(first, role: .first, matching: nil)
        guard let last else { return [firstFrame] }
        let target = FixPlanner.Target(width: firstFrame.width, height: firstFrame.height)
        return [firstFrame, try await prepare(last, role: .last, matching: target)]
    }

    /// A request carrying `frames`, with every other field taken from `template`.
    public func request(from template: GenerationRequest, frames: [RequestFrame]) -> GenerationRequest {
        var request = template
        request.image = frames[0].requestString
        request.lastImage = frames.count > 1 ? frames[1].requestString : nil
        return request
    }

    /// Prepares, validates and submits; the store records the intent before the POST and
    /// refuses a duplicate of a request that may already be paid for, unless `allowDuplicate`.
    public func submit(first: FrameSource, last: FrameSource?, template: GenerationRequest,
                       client: SeedanceClient, store: (any TaskStore)?, model: String = SeedanceClient.defaultModel,
                       allowDuplicate: Bool = false) async throws -> (Submission, [RequestFrame]) {
        let frames = try await prepareFrames(first: first, last: last)
        // The client validates the request as it encodes it: nothing is sent when it is invalid.
        let request = request(from: template, frames: frames)
        let inputs = frames.map { TaskInput(role: $0.role.rawValue, source: $0.source.journalName, sha256: $0.digest) }
        let submission = try await client.submit(request, model: model, inputs: inputs, store: store, allowDuplicate: allowDuplicate)
        return (submission, frames)
    }

    private func prepare(_ source: FrameSource, role: FrameRole, matching target: FixPlanner.Target?) async throws -> RequestFrame {
        let input: ImageInput
        switch source {
        case .image(let image):
            input = image
        case .url(let url):
            let fetched = try await fetcher.fetch(url)
            input = .bytes(fetched.data, name: url.absoluteString, declaredType: fetched.declaredType)
            let report = try FrameInspector(policy: policy).inspect(input)
            let violations = RuleChecker(policy: policy).findings(for: report).filter { $0.severity == .violation }
            let needsMatch = target.map { ($0.width, $0.height) != (report.width, report.height) } ?? false
            if violations.isEmpty && !(needsMatch && fixesFrames) {
                return RequestFrame(role: role, source: source, requestString: url.absoluteString, prepared: nil,
                                    digest: SHA256Hex.digest(of: fetched.data), width: report.width, height: report.height)
            }
        }
        if !fixesFrames {
            let verdict = FramePreflight(policy: policy, options: fixOptions).check(first: input, last: nil)[0]
            if verdict.isUnusable {
                throw Failure(kind: .frameUnusable, message: "\(role.rawValue) frame \(verdict.source): " + verdict.violations.map(\.message).joined(separator: "; "))
            }
            if !verdict.isAcceptable {
                throw Failure(kind: .frameNotCompliant, message: "\(role.rawValue) frame \(verdict.source) breaks the rules and --no-fix is set: " + verdict.violations.map { "[\($0.rule.rawValue)] \($0.message)" }.joined(separator: "; "))
            }
        }
        var fixer = FrameFixer(policy: policy, options: fixOptions)
        if !fixesFrames { fixer.options.lastFrameSize = .keep }
        let frame = try fixer.prepare(input, role: role, matching: fixesFrames ? target : nil)
        return RequestFrame(role: role, source: source, requestString: frame.dataURI, prepared: frame,
                            digest: SHA256Hex.digest(of: frame.bytes), width: frame.width, height: frame.height)
    }
}
