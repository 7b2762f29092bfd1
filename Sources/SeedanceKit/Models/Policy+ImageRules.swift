public import FrameKit
public import SeedanceAPI

extension Policy {
    /// FrameKit's rules from a model's image rules; the safety limits (pixels, input bytes) keep
    /// FrameKit's defaults, since they protect this machine rather than describe the provider.
    ///
    /// - Throws: ``ModelFileError`` naming the key when a format or a ratio is not understood.
    public init(_ rules: ImageRules, model: String) throws(ModelFileError) {
        var formats = Set<ImageFormat>()
        for (index, name) in rules.formats.enumerated() {
            guard let format = ImageFormat(rawValue: name) else {
                let known = ImageFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ModelFileError(source: model, key: "image.formats.\(index)", problem: "\(name) is not a format this toolkit reads (\(known))")
            }
            formats.insert(format)
        }
        guard let above = AspectRatio(rules.aspectAbove) else {
            throw ModelFileError(source: model, key: "image.aspect_above", problem: "\(rules.aspectAbove) is not a ratio such as 2:5 or 0.4")
        }
        guard let below = AspectRatio(rules.aspectBelow) else {
            throw ModelFileError(source: model, key: "image.aspect_below", problem: "\(rules.aspectBelow) is not a ratio such as 5:2 or 2.5")
        }
        self.init(
            acceptedFormats: formats, sideAbove: rules.sideAbove, sideBelow: rules.sideBelow, aspectAbove: above, aspectBelow: below,
            fileBytesBelow: rules.fileBytesBelow, payloadBytesBelow: rules.payloadBytesBelow)
    }
}
