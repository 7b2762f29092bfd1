import Foundation

/// The video a frame is prepared for, in FrameKit's own terms: an aspect to frame to and the
/// pixel sizes the video can have. The provider's names for these (ratios such as "16:9",
/// resolutions such as "720p") live in the model data of SeedanceAPI, not here, so a new model
/// or a retired one never touches the image stage.
public struct VideoTarget: Sendable, Hashable, Codable {
    /// A width and a height in pixels.
    public struct Size: Sendable, Hashable, Codable, CustomStringConvertible {
        public var width: Int
        public var height: Int

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }

        public var pixels: Int { width * height }
        public var description: String { "\(width)×\(height)" }
    }

    /// Frame both pictures to this aspect (crop or pad), so the server does not centre-crop
    /// them; nil keeps each frame's own aspect (the video adapts to the first frame).
    public var aspect: AspectRatio?
    /// The sizes the video can take at the chosen resolution; the one nearest the framed
    /// picture's aspect is the one that applies. Empty: no size limit.
    public var sizes: [Size]
    /// How many times the chosen size's pixel count a frame may keep. 1 covers the video
    /// exactly; more leaves the model headroom for its own resampling.
    public var pixelAllowance: Double
    /// How the video is named in reasons, e.g. "720p 16:9".
    public var label: String

    public init(aspect: AspectRatio? = nil, sizes: [Size] = [], pixelAllowance: Double = 1, label: String) {
        self.aspect = aspect
        self.sizes = sizes
        self.pixelAllowance = pixelAllowance
        self.label = label
    }

    /// The video size a `width`×`height` picture would get: the nearest aspect, by log ratio
    /// (how `adaptive` chooses).
    public func outputSize(width: Int, height: Int) -> Size? {
        let target = (Double(width) / Double(height)).logarithm
        return sizes.min {
            abs((Double($0.width) / Double($0.height)).logarithm - target)
                < abs((Double($1.width) / Double($1.height)).logarithm - target)
        }
    }

    /// The most pixels a frame needs for this video, or nil when there is no size limit.
    public func pixelLimit(width: Int, height: Int) -> Int? {
        outputSize(width: width, height: height).map { Int((Double($0.pixels) * pixelAllowance).rounded()) }
    }
}

extension Double {
    fileprivate var logarithm: Double { log(self) }
}
