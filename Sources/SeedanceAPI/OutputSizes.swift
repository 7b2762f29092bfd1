/// Seedance 1.5 Pro's output video sizes (docs: the provider's i2v page). Interim home: the
/// model data will hold these per model.
extension Resolution {
    /// The video's pixel size for `ratio`; nil for `adaptive`, which follows the first frame.
    public func pixelSize(for ratio: AspectRatio) -> (width: Int, height: Int)? {
        switch (self, ratio) {
        case (_, .adaptive): nil
        case (.p480, .wide): (864, 496)
        case (.p480, .standard): (752, 560)
        case (.p480, .square): (640, 640)
        case (.p480, .portraitStandard): (560, 752)
        case (.p480, .portraitWide): (496, 864)
        case (.p480, .cinema): (992, 432)
        case (.p720, .wide): (1280, 720)
        case (.p720, .standard): (1112, 834)
        case (.p720, .square): (960, 960)
        case (.p720, .portraitStandard): (834, 1112)
        case (.p720, .portraitWide): (720, 1280)
        case (.p720, .cinema): (1470, 630)
        case (.p1080, .wide): (1920, 1080)
        case (.p1080, .standard): (1664, 1248)
        case (.p1080, .square): (1440, 1440)
        case (.p1080, .portraitStandard): (1248, 1664)
        case (.p1080, .portraitWide): (1080, 1920)
        case (.p1080, .cinema): (2206, 946)
        }
    }
}
