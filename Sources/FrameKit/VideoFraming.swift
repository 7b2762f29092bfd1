import Foundation

/// The video ratios Seedance 1.5 Pro renders (`adaptive` is the absence of one).
public enum VideoRatio: String, Sendable, Hashable, Codable, CaseIterable {
    case landscape16x9 = "16:9"
    case landscape4x3 = "4:3"
    case square = "1:1"
    case portrait3x4 = "3:4"
    case portrait9x16 = "9:16"
    case cinema21x9 = "21:9"

    public var aspect: AspectRatio {
        let sides = rawValue.split(separator: ":").compactMap { Int($0) }
        return AspectRatio(width: sides[0], height: sides[1])
    }

    /// The ratio `adaptive` would pick for a picture: the closest by log-aspect.
    public static func nearest(width: Int, height: Int) -> VideoRatio {
        let target = (Double(width) / Double(height)).logarithm
        return allCases.min { abs($0.aspect.value.logarithm - target) < abs($1.aspect.value.logarithm - target) }!
    }
}

/// The output resolutions, with the pixel sizes of api-contract.md's table.
public enum VideoResolution: String, Sendable, Hashable, Codable, CaseIterable {
    case p480 = "480p"
    case p720 = "720p"
    case p1080 = "1080p"

    public func pixelSize(for ratio: VideoRatio) -> (width: Int, height: Int) {
        switch (self, ratio) {
        case (.p480, .landscape16x9): (864, 496)
        case (.p480, .landscape4x3): (752, 560)
        case (.p480, .square): (640, 640)
        case (.p480, .portrait3x4): (560, 752)
        case (.p480, .portrait9x16): (496, 864)
        case (.p480, .cinema21x9): (992, 432)
        case (.p720, .landscape16x9): (1280, 720)
        case (.p720, .landscape4x3): (1112, 834)
        case (.p720, .square): (960, 960)
        case (.p720, .portrait3x4): (834, 1112)
        case (.p720, .portrait9x16): (720, 1280)
        case (.p720, .cinema21x9): (1470, 630)
        case (.p1080, .landscape16x9): (1920, 1080)
        case (.p1080, .landscape4x3): (1664, 1248)
        case (.p1080, .square): (1440, 1440)
        case (.p1080, .portrait3x4): (1248, 1664)
        case (.p1080, .portrait9x16): (1080, 1920)
        case (.p1080, .cinema21x9): (2206, 946)
        }
    }
}

extension Double {
    fileprivate var logarithm: Double { Foundation.log(self) }
}
