/// What a model costs per output token, for estimates only (api-contract.md, "Price").
///
/// Minimal on purpose: helper "batchcore" adds `PriceTable`; the two are to be reconciled.
public struct ModelPrice: Sendable, Hashable, Codable {
    public var currency: String
    /// Per million tokens (width × height × fps × seconds / 1024) with audio.
    public var perMillionTokensWithAudio: Double
    public var perMillionTokensSilent: Double
    /// The `service_tier=flex` price as a fraction of the online one.
    public var flexFactor: Double

    public init(currency: String, perMillionTokensWithAudio: Double, perMillionTokensSilent: Double, flexFactor: Double) {
        self.currency = currency
        self.perMillionTokensWithAudio = perMillionTokensWithAudio
        self.perMillionTokensSilent = perMillionTokensSilent
        self.flexFactor = flexFactor
    }

    enum CodingKeys: String, CodingKey {
        case currency
        case perMillionTokensWithAudio = "per_million_tokens_with_audio"
        case perMillionTokensSilent = "per_million_tokens_silent"
        case flexFactor = "flex_factor"
    }
}
