/// Output resolution. The provider once documented 1080p as unavailable; it stays allowed.
public enum Resolution: String, Sendable, Hashable, CaseIterable, Codable {
    case p480 = "480p"
    case p720 = "720p"
    case p1080 = "1080p"
}

/// Output aspect ratio; `adaptive` follows the first frame.
public enum AspectRatio: String, Sendable, Hashable, CaseIterable, Codable {
    case wide = "16:9"
    case standard = "4:3"
    case square = "1:1"
    case portraitStandard = "3:4"
    case portraitWide = "9:16"
    case cinema = "21:9"
    case adaptive
}

/// `flex` queues the task offline at half price.
public enum ServiceTier: String, Sendable, Hashable, CaseIterable, Codable {
    case `default`
    case flex
}
