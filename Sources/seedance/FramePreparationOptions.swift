import ArgumentParser
import SeedanceAPI
import SeedanceKit

/// The options that decide which bytes are sent: one group for `submit` and `preview`, and one
/// construction of the submitter from them, so a preview shows exactly what submit sends.
struct FramePreparationOptions: ParsableArguments {
    @OptionGroup(title: "Fix") var fixOptions: FixOptionsGroup
    @OptionGroup(title: "Rules") var rules: PolicyOptions
    @Flag(help: "Refuse (exit 1) a frame that breaks the rules instead of fixing it; nothing is scaled.")
    var noFix = false
    @Option(help: "video: scale frames to at most twice the video's pixels; full: keep the fixed frame's size.")
    var uploadSize: VideoSubmitter.UploadSize = .video

    func submitter(model: ModelOption) -> VideoSubmitter {
        Self.submitter(model: model, rules: rules, fixOptions: fixOptions, noFix: noFix, uploadSize: uploadSize)
    }

    /// Also for `check --preview`, whose fix and rules options are its own groups.
    static func submitter(
        model: ModelOption, rules: PolicyOptions, fixOptions: FixOptionsGroup, noFix: Bool = false,
        uploadSize: VideoSubmitter.UploadSize = .video
    ) -> VideoSubmitter {
        VideoSubmitter(
            model: model.model, policy: rules.policy(for: model), fixOptions: fixOptions.options(), fixesFrames: !noFix, uploadSize: uploadSize,
            fetcher: RemoteImageFetcher(
                configuration: .init(
                    maxBytes: rules.maxInputBytes,
                    allowsPrivateAddresses: rules.allowPrivateURLs || Environment.allowsPrivateURLs)))
    }
}
