public import FrameKit
public import SeedanceAPI

extension VideoTarget {
    /// What a frame for `model`'s video, with these parameters, needs: the ratio's aspect
    /// (nil for ratios the sizes table does not list, such as `adaptive`) and the output sizes
    /// at the requested resolution, or the model's default one.
    ///
    /// - Parameters:
    ///   - pixelAllowance: 2 for submit (headroom for the model's own resampling), 1 for `fix --resolution`.
    ///   - sized: false keeps each frame's own size (`--upload-size full`), framing only.
    public init?(model: VideoModel, parameters: GenerationParameters, pixelAllowance: Double, sized: Bool = true) {
        let resolution = parameters[VideoModel.resolutionField]?.stringValue
        let ratio = parameters[VideoModel.ratioField]?.stringValue
        let listed = ratio.flatMap { ratio in model.outputSizes.values.contains { $0[ratio] != nil } ? ratio : nil }
        let aspect = listed.flatMap(AspectRatio.init)
        let sizes =
            sized
            ? model.outputSizes(resolution: resolution, ratio: ratio).map { Size(width: $0.width, height: $0.height) }
            : []
        guard aspect != nil || !sizes.isEmpty else { return nil }
        let label = [sized ? (resolution ?? model.defaultResolution) : nil, ratio].compactMap { $0 }.joined(separator: " ")
        self.init(aspect: aspect, sizes: sizes, pixelAllowance: pixelAllowance, label: label)
    }
}
