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

    @Test(arguments: [(1920, 1080, VideoRatio.landscape16x9), (1000, 1000, .square), (1080, 1920, .portrait9x16),
                      (2400, 1000, .cinema21x9), (1200, 900, .landscape4x3), (900, 1200, .portrait3x4)])
    func adaptiveRatioIsTheNearest(width: Int, height: Int, ratio: VideoRatio) {
        #expect(VideoRatio.nearest(width: width, height: height) == ratio)
    }
}
