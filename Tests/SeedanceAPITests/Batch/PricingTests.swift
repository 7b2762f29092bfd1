import Foundation
import SeedanceAPI
import Testing

/// The price estimate: tokens from the output video, the right rate for audio and tier, and a
/// label that always says "estimate" (or "unknown").
@Suite("Pricing")
struct PricingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var video: PricedVideo
        var tokens: Double
        var usd: Double
        var label: String
        var testDescription: String { "\(video.width)×\(video.height) \(video.seconds)s \(video.tier) audio=\(video.audio)" }
    }

    static let cases: [Case] = [
        // The contract's worked example: 720p 16:9, 5 s, with audio.
        Case(video: PricedVideo(width: 1280, height: 720, seconds: 5), tokens: 108_000, usd: 0.2592, label: "≈ USD 0.26 (estimate)"),
        Case(video: PricedVideo(width: 1280, height: 720, seconds: 5, audio: false), tokens: 108_000, usd: 0.1296, label: "≈ USD 0.13 (estimate)"),
        Case(video: PricedVideo(width: 1280, height: 720, seconds: 5, tier: .flex), tokens: 108_000, usd: 0.1296, label: "≈ USD 0.13 (estimate)"),
        Case(
            video: PricedVideo(width: 1280, height: 720, seconds: 5, tier: .flex, audio: false), tokens: 108_000, usd: 0.0648,
            label: "≈ USD 0.06 (estimate)"),
        Case(video: PricedVideo(width: 1920, height: 1080, seconds: 10), tokens: 486_000, usd: 1.1664, label: "≈ USD 1.17 (estimate)"),
        Case(video: PricedVideo(width: 864, height: 496, seconds: 4), tokens: 40_176, usd: 0.0964224, label: "≈ USD 0.10 (estimate)"),
        Case(
            video: PricedVideo(width: 2206, height: 946, seconds: 12), tokens: 2206.0 * 946 * 24 * 12 / 1024,
            usd: 2206.0 * 946 * 24 * 12 / 1024 * 2.4e-6, label: "≈ USD 1.41 (estimate)"),
    ]

    @Test("estimates from the Seedance 1.5 Pro table", arguments: cases)
    func estimates(_ example: Case) throws {
        #expect(example.video.tokens == example.tokens)
        let estimate = CostEstimate(example.video, prices: VideoModel.defaultModel.price!)
        let usd = try #require(estimate.usd)
        #expect(abs(usd - example.usd) < 1e-9)
        #expect(estimate.description == example.label)
    }

    @Test(
        "no price gives unknown, never a guess",
        arguments: [PriceTable?.none, .unknown, PriceTable(usdPerMillionTokensWithAudio: 2, usdPerMillionTokensSilent: nil)])
    func unknownPrices(_ table: PriceTable?) {
        let estimate = CostEstimate(PricedVideo(width: 1280, height: 720, seconds: 5, audio: false), prices: table)
        #expect(!estimate.isKnown)
        #expect(estimate.description == "unknown")
    }

    @Test func sumsAreUnknownWhenAnyPartIs() {
        let known = CostEstimate(usd: 0.25)
        #expect([known, known, known].total() == CostEstimate(usd: 0.75))
        #expect([known, .unknown, known].total() == .unknown)
        #expect([CostEstimate]().total() == .zero)
        var running = CostEstimate.zero
        running += known
        #expect(running.description == "≈ USD 0.25 (estimate)")
    }

    @Test func tablesDecodeFromSnakeCaseJSONWithDefaults() throws {
        let full = try JSONDecoder().decode(
            PriceTable.self, from: Data(#"{"usd_per_million_tokens_with_audio": 2.4, "usd_per_million_tokens_silent": 1.2}"#.utf8))
        #expect(full == VideoModel.defaultModel.price!)
        let empty = try JSONDecoder().decode(PriceTable.self, from: Data("{}".utf8))
        #expect(empty == .unknown)
        let custom = try JSONDecoder().decode(PriceTable.self, from: Data(#"{"usd_per_million_tokens_with_audio": 3, "flex_factor": 0.25}"#.utf8))
        #expect(custom.usdPerMillionTokens(audio: true, tier: .flex) == 0.75)
        let roundTrip = try JSONDecoder().decode(PriceTable.self, from: JSONEncoder().encode(custom))
        #expect(roundTrip == custom)
    }
}

/// `--max-spend`: stop before the item that would pass the cap; refuse to start on unknown prices.
@Suite("Spending cap")
struct SpendingCapTests {
    struct Case: Sendable {
        var limit: Double
        var spent: Double
        var next: Double?
        var admits: Bool
    }

    static let cases: [Case] = [
        Case(limit: 1, spent: 0, next: 0.26, admits: true),
        Case(limit: 1, spent: 0.74, next: 0.26, admits: true),
        Case(limit: 1, spent: 0.74, next: 0.27, admits: false),
        Case(limit: 0.3, spent: 0.1 + 0.1, next: 0.1, admits: true),
        Case(limit: 0, spent: 0, next: 0.01, admits: false),
        Case(limit: 0, spent: 0, next: 0, admits: true),
        Case(limit: 100, spent: 0, next: nil, admits: false),
    ]

    @Test("admits the next item only within the cap", arguments: cases)
    func admits(_ example: Case) {
        let cap = SpendingCap(limit: example.limit, spent: example.spent)
        #expect(cap.admits(CostEstimate(usd: example.next)) == example.admits)
    }

    @Test func admittingAddsUpAndStopsBeforeTheCap() throws {
        var cap = SpendingCap(limit: 0.8)
        let item = CostEstimate(usd: 0.2592)
        for _ in 0..<3 { try cap.admit(item) }
        #expect(abs(cap.spent - 0.7776) < 1e-9)
        #expect(throws: SpendingCap.Refusal.self) { try cap.admit(item) }
        #expect(abs(cap.spent - 0.7776) < 1e-9)
        guard case .wouldExceed(let next, let spent, let limit) = cap.refusal(for: item) else {
            Issue.record("expected wouldExceed")
            return
        }
        #expect(next == 0.2592 && abs(spent - 0.7776) < 1e-9 && limit == 0.8)
        #expect(cap.refusal(for: item)?.description.contains("past the cap of USD 0.80") == true)
    }

    @Test func unknownPricesRefuseToStart() {
        #expect(throws: SpendingCap.Refusal.unknownPrice) {
            try SpendingCap.checkStart([CostEstimate(usd: 0.1), .unknown])
        }
        #expect(throws: Never.self) { try SpendingCap.checkStart([CostEstimate(usd: 0.1)]) }
    }
}
