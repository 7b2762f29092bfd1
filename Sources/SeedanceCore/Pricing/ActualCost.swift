/// What a finished task cost, from the provider's own count of tokens (`usage`) and the
/// model's price table: the bill's number where the provider reports it, not an estimate.
public enum ActualCost {
    /// USD for `completionTokens` at `prices`, for a video with or without audio on `tier`; nil
    /// when the table has no price for that combination.
    public static func usd(completionTokens: Int, prices: PriceTable?, audio: Bool, tier: PricedTier) -> Double? {
        guard let perMillion = prices?.usdPerMillionTokens(audio: audio, tier: tier) else { return nil }
        return Double(completionTokens) * perMillion / 1_000_000
    }

    /// The same from what the record says was sent (``TaskRecord/echo``): audio unless
    /// `generate_audio` was false (the providers' default is audio), the tier sent or `default`.
    public static func usd(completionTokens: Int, prices: PriceTable?, sent echo: [String: String]) -> Double? {
        usd(
            completionTokens: completionTokens, prices: prices, audio: echo["generate_audio"] != "false",
            tier: PricedTier(rawValue: echo["service_tier"] ?? "default") ?? .default)
    }
}

/// Where a record's cost comes from.
public enum CostBasis: String, Sendable, Hashable, Codable {
    /// The provider's `usage` times the price table: what the bill says.
    case usage
    /// The estimate made before sending.
    case estimate

    /// `usage` when the actual cost is known, `estimate` when only the estimate is, else nil.
    public static func of(cost: Double?, estimate: Double?) -> CostBasis? {
        cost != nil ? .usage : estimate != nil ? .estimate : nil
    }
}
