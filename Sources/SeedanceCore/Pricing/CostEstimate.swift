internal import Foundation

/// The output video a request asks for, in the terms the price depends on.
public struct PricedVideo: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var fps: Int
    public var seconds: Int
    public var tier: PricedTier
    public var audio: Bool

    public init(width: Int, height: Int, fps: Int = 24, seconds: Int, tier: PricedTier = .default, audio: Bool = true) {
        self.width = width
        self.height = height
        self.fps = fps
        self.seconds = seconds
        self.tier = tier
        self.audio = audio
    }

    /// Upstream's billing unit: width × height × fps × seconds / 1024.
    public var tokens: Double {
        Double(width) * Double(height) * Double(fps) * Double(seconds) / 1024
    }
}

/// A price that is always shown as an estimate, or is unknown.
///
/// Sums stay unknown as soon as one part is unknown: a batch total must never look cheaper
/// than it is because one model has no price.
public struct CostEstimate: Sendable, Hashable, CustomStringConvertible {
    /// USD, or nil when no price is known.
    public var usd: Double?

    public init(usd: Double?) {
        self.usd = usd
    }

    public static let zero = CostEstimate(usd: 0)
    public static let unknown = CostEstimate(usd: nil)

    /// Estimates `video` with `prices`; no table or a missing price gives ``unknown``.
    public init(_ video: PricedVideo, prices: PriceTable?) {
        guard let rate = prices?.usdPerMillionTokens(audio: video.audio, tier: video.tier) else {
            self.usd = nil
            return
        }
        self.usd = video.tokens * rate / 1_000_000
    }

    public var isKnown: Bool { usd != nil }

    /// "≈ USD 0.26 (estimate)", or "unknown".
    public var description: String {
        guard let usd else { return "unknown" }
        return "≈ USD \(Self.dollars(usd)) (estimate)"
    }

    /// Two decimals, with a dot whatever the locale.
    public static func dollars(_ usd: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), usd)
    }

    public static func + (lhs: CostEstimate, rhs: CostEstimate) -> CostEstimate {
        guard let left = lhs.usd, let right = rhs.usd else { return .unknown }
        return CostEstimate(usd: left + right)
    }

    public static func += (lhs: inout CostEstimate, rhs: CostEstimate) {
        lhs = lhs + rhs
    }
}

extension Sequence where Element == CostEstimate {
    /// The total, unknown when any element is.
    public func total() -> CostEstimate {
        reduce(.zero, +)
    }
}
