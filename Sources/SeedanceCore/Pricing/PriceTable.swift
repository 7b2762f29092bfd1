/// What one model costs, as data: USD per million output-video tokens.
///
/// Prices are the provider's list prices as far as we know them; novita publishes none for
/// Seedance, so every figure derived from a table is an estimate. A `nil` price means unknown,
/// and the estimator says "unknown" rather than guessing. JSON keys are snake_case so a user can
/// override a model's table with a small file.
public struct PriceTable: Sendable, Hashable, Codable {
    /// USD per million tokens when the video has generated audio; nil when unknown.
    public var usdPerMillionTokensWithAudio: Double?
    /// USD per million tokens for a silent video (`generate_audio: false`); nil when unknown.
    public var usdPerMillionTokensSilent: Double?
    /// The multiplier for the `flex` service tier (offline queue).
    public var flexFactor: Double

    public init(usdPerMillionTokensWithAudio: Double?, usdPerMillionTokensSilent: Double?, flexFactor: Double = 0.5) {
        self.usdPerMillionTokensWithAudio = usdPerMillionTokensWithAudio
        self.usdPerMillionTokensSilent = usdPerMillionTokensSilent
        self.flexFactor = flexFactor
    }

    /// No known price (Seedance 2.0 today).
    public static let unknown = PriceTable(usdPerMillionTokensWithAudio: nil, usdPerMillionTokensSilent: nil)

    /// The price per million tokens for a video with or without audio on a tier; nil when unknown.
    public func usdPerMillionTokens(audio: Bool, tier: PricedTier) -> Double? {
        guard let base = audio ? usdPerMillionTokensWithAudio : usdPerMillionTokensSilent else { return nil }
        return tier == .flex ? base * flexFactor : base
    }

    enum CodingKeys: String, CodingKey {
        case usdPerMillionTokensWithAudio = "usd_per_million_tokens_with_audio"
        case usdPerMillionTokensSilent = "usd_per_million_tokens_silent"
        case flexFactor = "flex_factor"
    }

    /// Missing keys decode as unknown prices and the standard `flex` factor.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        usdPerMillionTokensWithAudio = try container.decodeIfPresent(Double.self, forKey: .usdPerMillionTokensWithAudio)
        usdPerMillionTokensSilent = try container.decodeIfPresent(Double.self, forKey: .usdPerMillionTokensSilent)
        flexFactor = try container.decodeIfPresent(Double.self, forKey: .flexFactor) ?? 0.5
    }
}

/// The service tier as far as price goes; kept apart from the request's own enum so pricing
/// stays independent of how a model describes its fields.
public enum PricedTier: String, Sendable, Hashable, CaseIterable, Codable {
    case `default`
    case flex
}
