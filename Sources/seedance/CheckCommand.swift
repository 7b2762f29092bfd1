import ArgumentParser
import FrameKit
import SeedanceAPI
import SeedanceKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check frames against the API's rules from their headers, and say what fix would do.",
        discussion: """
            FIRST and LAST are paths, '-' for stdin, http(s) URLs, or data: URIs. Several FIRST \
            frames (without --last) are each checked on their own, in one process.
            Exit 0: acceptable as is. 1: the API would reject an input and fix can repair it. \
            2: an input is unusable. 64: usage. 74: the --preview sheet cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("The first frame; more than one checks each on its own.", valueName: "first"))
    var firsts: [String]
    @Option(help: "The last frame.")
    var last: String?
    @Flag(help: "Print one JSON document on stdout.")
    var json = false
    @Flag(help: "Treat a last frame whose aspect differs from the first's as a violation.")
    var strict = false
    @OptionGroup(title: "Video framing") var framing: VideoFramingOptions
    @OptionGroup(title: "Rules") var rules: PolicyOptions
    @OptionGroup(title: "Fix (what check reports fix would do)") var fixOptions: FixOptionsGroup
    @Option(
        help: ArgumentHelp(
            "Also draw what submit would send with these options as a PNG contact sheet (see `seedance preview`).",
            valueName: "SHEET.png"))
    var preview: String?

    func validate() throws {
        guard !firsts.isEmpty else { throw ValidationError("give the first frame to check") }
        if last != nil && firsts.count > 1 { throw ValidationError("--last goes with exactly one first frame") }
        if preview != nil && firsts.count > 1 { throw ValidationError("--preview goes with exactly one first frame (and --last)") }
    }

    func run() async throws {
        var verdicts: [FramePreflight.FrameVerdict] = []
        // The frames as checked (the preview goes with exactly one first frame).
        var checked: (first: ResolvedFrame?, last: ResolvedFrame?) = (nil, nil)
        for first in firsts {
            let (firstVerdicts, frames) = await check(first)
            verdicts += firstVerdicts
            checked = frames
        }
        if json {
            try JSONOutput.print(snakeCase: true, CheckDocument(verdicts))
        } else {
            for verdict in verdicts { Terminal.diagnostic(HumanReport.describe(verdict)) }
        }
        if preview != nil, verdicts.contains(where: \.isUnusable) {
            Terminal.diagnostic("seedance check: no preview written: an input is unusable")
        } else if let preview, let first = checked.first {
            // The frames as checked: a URL is not fetched again, a header not read again, and
            // the framing values are not checked again.
            let last = checked.last.map(PreviewSheetWriter.Frame.resolved)
            let submitter = FramePreparationOptions.submitter(model: framing.modelOption, rules: rules, fixOptions: fixOptions)
            let parameters = try framing.checkedValues()
            try await ContainedPreparation.run(submitter) { submitter in
                _ = try await PreviewSheetWriter(submitter: submitter, command: "seedance check")
                    .write(first: .resolved(first), last: last, parameters: parameters, to: preview)
            }
        }
        throw Self.exitStatus(for: verdicts).exitCode
    }

    /// The verdicts on `first` (and the last frame), and the frames as resolved: each URL fetched
    /// once, for the check and the preview.
    private func check(_ first: String) async -> ([FramePreflight.FrameVerdict], (first: ResolvedFrame?, last: ResolvedFrame?)) {
        let resolver = rules.resolver
        let preflight = FramePreflight(policy: rules.policy(for: framing.modelOption), options: fixOptions.options(video: framing.videoTarget))
        var verdicts: [FramePreflight.FrameVerdict] = []
        let firstInput = await resolver.resolve(first)
        let lastInput = if let last { await resolver.resolve(last) } else { InputResolver.Resolved?.none }
        switch (firstInput, lastInput) {
        case (.frame(let firstImage), .frame(let lastImage)):
            verdicts = preflight.check(first: firstImage.input, last: lastImage.input, strict: strict)
        case (.frame(let firstImage), nil):
            verdicts = preflight.check(first: firstImage.input, last: nil, strict: strict)
        default:
            // A URL that could not be fetched is reported like an unreadable file.
            for (role, resolved) in [(FrameRole.first, firstInput), (.last, lastInput)] {
                switch resolved {
                case .frame(let frame)?:
                    let input = frame.input
                    verdicts += preflight.check(first: input, last: nil).map {
                        var v = $0
                        v.role = role
                        return v
                    }
                case .failed(let error)?: verdicts.append(.unreadable(role: role, error: error))
                case nil: break
                }
            }
        }
        func checked(_ resolved: InputResolver.Resolved?, _ role: FrameRole) -> ResolvedFrame? {
            guard case .frame(let frame)? = resolved else { return nil }
            return frame.reading(header: verdicts.first { $0.role == role }?.header)
        }
        return (verdicts, (checked(firstInput, .first), checked(lastInput, .last)))
    }

    static func exitStatus(for verdicts: [FramePreflight.FrameVerdict]) -> ExitStatus {
        if verdicts.contains(where: \.isUnusable) { return .unusableInput }
        if verdicts.contains(where: { !$0.isAcceptable }) { return .repairable }
        return .success
    }
}

extension FramePreflight.FrameVerdict {
    static func unreadable(role: FrameRole, error: FrameError) -> Self {
        let rule: Rule = error.kind == .inputTooLarge ? .fileSize : .unreadable
        return Self(
            role: role, source: error.source ?? "input",
            report: nil, findings: [Finding(rule: rule, severity: .violation, message: error.message, fixable: false)],
            plan: nil, error: error)
    }
}
