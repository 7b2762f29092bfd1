import Foundation
import SeedanceAPI
import SeedanceKit
import Testing

/// A line's estimate never rests on a guessed duration: when neither the line nor the model's
/// data says how long the video is, the estimate is unknown (and `--max-spend` refuses it),
/// never 5 seconds assumed.
@Suite struct EstimateUnknownTests {
    static func estimate(_ fields: [String: ManifestValue], removingDefaultOf name: String) throws -> CostEstimate {
        var model = VideoModel.defaultModel
        let index = try #require(model.fields.firstIndex { $0.name == name })
        model.fields[index].default = nil
        let line = ManifestLine(lineNumber: 1, id: "l1", first: TestPaths.fixture("good-first.jpg"), fields: fields)
        let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], model: model, outputDirectory: URL(fileURLWithPath: "/tmp/unused"))
            .plan(Manifest(lines: [line], errors: []))
        return try #require(plan.items.first, "\(plan.errors)").estimate
    }

    @Test func aDurationNoOneSaidIsUnknownNotGuessed() throws {
        #expect(try Self.estimate([:], removingDefaultOf: "duration") == .unknown)
        #expect(try Self.estimate(["duration": .integer(5)], removingDefaultOf: "duration").isKnown, "said by the line: priced")
    }

    @Test func aFrameRateNoOneSaidIsUnknownNotGuessed() throws {
        #expect(try Self.estimate([:], removingDefaultOf: "fps") == .unknown)
        #expect(try Self.estimate(["fps": .integer(24)], removingDefaultOf: "fps").isKnown)
    }
}
