import Testing

@testable import FrameKit

@Suite struct PolicyTests {
    let policy = Policy.seedance

    @Test(arguments: [(299, false), (300, false), (301, true), (5999, true), (6000, false), (6001, false)])
    func sideBoundsAreStrict(side: Int, accepted: Bool) {
        #expect(policy.acceptsSide(side) == accepted)
    }

    @Test(arguments: [
        (400, 1000, false), (401, 1000, true), (2500, 1000, false), (2499, 1000, true),
        (1000, 2500, false), (1000, 2499, true), (1, 1, true), (5, 2, false), (2, 5, false),
    ])
    func aspectBoundsAreStrictAndExact(width: Int, height: Int, accepted: Bool) {
        #expect(policy.acceptsAspect(width: width, height: height) == accepted)
    }

    @Test func payloadIsBase64OfTheFilePlusThePrefix() {
        // 3 bytes → 4 characters; "data:image/jpeg;base64," is 23 bytes.
        #expect(Policy.payloadBytes(forFileBytes: 3, format: .jpeg) == 27)
        #expect(Policy.payloadBytes(forFileBytes: 4, format: .jpeg) == 31)
        #expect(Policy.payloadBytes(forFileBytes: 0, format: .png) == 22)
    }

    @Test func byteBudgetCountsTheDataURI() {
        // 22.4 MB of file is about 29.9 MB of base64: the payload limit binds first.
        #expect(policy.acceptsBytes(22_000_000, format: .jpeg))
        #expect(!policy.acceptsBytes(22_500_000, format: .jpeg))
        #expect(!policy.acceptsBytes(30_000_000, format: .jpeg))
    }

    @Test(arguments: [("0.4", 2, 5), ("2.5", 5, 2), ("2/5", 2, 5), ("16:9", 16, 9), ("1", 1, 1), ("0.75", 3, 4)])
    func aspectRatiosParseExactly(text: String, width: Int, height: Int) {
        #expect(AspectRatio(text) == AspectRatio(width: width, height: height))
    }

    @Test(arguments: ["", "abc", "0", "-1", "1:0", "1.2.3", "0.0000000001"])
    func badAspectRatiosAreRefused(text: String) {
        #expect(AspectRatio(text) == nil)
    }

    @Test(arguments: [("#ff8000", 255, 128, 0), ("00ff00", 0, 255, 0), ("white", 255, 255, 255), ("BLACK", 0, 0, 0)])
    func coloursParse(text: String, red: UInt8, green: UInt8, blue: UInt8) {
        #expect(RGBColour(text) == RGBColour(red: red, green: green, blue: blue))
    }

    static let sizes720p: [VideoTarget.Size] = [(1280, 720), (1112, 834), (960, 960), (834, 1112), (720, 1280), (1470, 630)]
        .map { VideoTarget.Size(width: $0.0, height: $0.1) }

    @Test(arguments: [
        (1920, 1080, 1280, 720), (1000, 1000, 960, 960), (1080, 1920, 720, 1280),
        (2400, 1000, 1470, 630), (1200, 900, 1112, 834), (900, 1200, 834, 1112),
    ])
    func adaptiveSizeIsTheNearestAspect(width: Int, height: Int, outputWidth: Int, outputHeight: Int) {
        let target = VideoTarget(sizes: Self.sizes720p, label: "720p")
        #expect(target.outputSize(width: width, height: height) == VideoTarget.Size(width: outputWidth, height: outputHeight))
    }

    @Test(arguments: [(1.0, 921_600), (2.0, 1_843_200), (0.5, 460_800)])
    func pixelLimitScalesWithTheAllowance(allowance: Double, limit: Int) {
        let target = VideoTarget(sizes: Self.sizes720p, pixelAllowance: allowance, label: "720p")
        #expect(target.pixelLimit(width: 4000, height: 2250) == limit)
        #expect(VideoTarget(label: "none").pixelLimit(width: 4000, height: 2250) == nil)
    }
}
