/// A Seedance model family as Ark serves it, with the contract's parameter row
/// (../shared/providers-ark.md, "Parameters" and "Frame geometry for 2.x"). The stand-in keeps
/// its own copy of these tables, apart from the client's model data, so a mistake in one shows
/// up as a refusal from the other.
enum ArkFamily: String, Sendable, CaseIterable {
    case pro15 = "1.5 Pro"
    case v20 = "2.0"
    case v20Fast = "2.0 fast"
    case v20Mini = "2.0 mini"
    case v25 = "2.5"

    /// Wire ids of both regions: BytePlus first, then Volcengine.
    static let wireIDs: [String: ArkFamily] = [
        "seedance-1-5-pro-251215": .pro15,
        "dreamina-seedance-2-0-260128": .v20,
        "dreamina-seedance-2-0-fast-260128": .v20Fast,
        "dreamina-seedance-2-0-mini-260615": .v20Mini,
        "dreamina-seedance-2-5-260628": .v25,
        "doubao-seedance-1-5-pro-251215": .pro15,
        "doubao-seedance-2-0-260128": .v20,
        "doubao-seedance-2-0-fast-260128": .v20Fast,
        "doubao-seedance-2-0-mini-260615": .v20Mini,
        "doubao-seedance-2-5-260628": .v25,
    ]

    /// The family `model` names: a wire id of either region, or an endpoint id (`ep-…`), which
    /// the stand-in takes as 1.5 Pro.
    static func named(_ model: String) -> ArkFamily? {
        if let family = wireIDs[model] { return family }
        return model.hasPrefix("ep-") && model.count > 3 ? .pro15 : nil
    }

    /// Volcengine ids (`doubao-…`) carry a few fields of their own (`tools`).
    static func isVolcengine(_ model: String) -> Bool { model.hasPrefix("doubao-") }

    var isV2: Bool { self != .pro15 }

    var resolutions: [String] {
        switch self {
        case .pro15: ["480p", "720p", "1080p"]
        case .v20: ["480p", "720p", "1080p", "4k"]
        case .v20Fast, .v20Mini: ["480p", "720p"]
        // DISAGREE in the contract; its Rule sends 1080p only on request, so it must pass.
        case .v25: ["480p", "720p", "1080p"]
        }
    }

    static let ratios = ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"]

    var durations: ClosedRange<Int> {
        switch self {
        case .pro15: 4...12
        case .v20, .v20Fast, .v20Mini: 4...15
        case .v25: 4...30
        }
    }

    /// Reference images allowed (2.x only).
    var referenceImages: ClosedRange<Int>? {
        switch self {
        case .pro15: nil
        case .v20, .v20Fast, .v20Mini: 1...9
        case .v25: 1...30
        }
    }

    /// The output size for `ratio` (a concrete one) and `resolution`.
    func outputSize(ratio: String, resolution: String) -> (width: Int, height: Int) {
        if self == .v25, resolution == "480p" {
            if ratio == "16:9" { return (854, 480) }
            if ratio == "9:16" { return (480, 854) }
        }
        let sizes: [String: [String: (Int, Int)]] = [
            "16:9": ["480p": (864, 496), "720p": (1280, 720), "1080p": (1920, 1080), "4k": (3840, 2160)],
            "4:3": ["480p": (752, 560), "720p": (1112, 834), "1080p": (1664, 1248), "4k": (3326, 2494)],
            "1:1": ["480p": (640, 640), "720p": (960, 960), "1080p": (1440, 1440), "4k": (2880, 2880)],
            "3:4": ["480p": (560, 752), "720p": (834, 1112), "1080p": (1248, 1664), "4k": (2494, 3326)],
            "9:16": ["480p": (496, 864), "720p": (720, 1280), "1080p": (1080, 1920), "4k": (2160, 3840)],
            "21:9": ["480p": (992, 432), "720p": (1470, 630), "1080p": (2206, 946), "4k": (4398, 1886)],
        ]
        let size = sizes[ratio]?[resolution] ?? (1280, 720)
        return (size.0, size.1)
    }
}
