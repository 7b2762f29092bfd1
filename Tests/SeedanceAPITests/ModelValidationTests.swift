import SeedanceAPI
import Testing

/// Each built-in model's fields and rules at and around their limits.
@Suite struct ModelValidationTests {
    static let v15 = VideoModel.defaultModel
    static let v20 = VideoModel.builtIn(named: "seedance-2.0")!

    struct Case: CustomTestStringConvertible, Sendable {
        var model: VideoModel
        var parameters: [String: ParameterValue]
        var frames: Set<FieldRule.FrameRole> = [.first]
        /// nil: valid. Otherwise the field the error must name.
        var refused: String?
        var warns: String?

        var testDescription: String { "\(model.name) \(parameters) \(frames.map(\.rawValue).sorted()) → \(refused ?? "ok")" }
    }

    static let p: [String: ParameterValue] = ["prompt": .string("p")]

    static func with(_ extra: [String: ParameterValue]) -> [String: ParameterValue] { p.merging(extra) { $1 } }

    static let cases: [Case] = [
        Case(model: v15, parameters: p),
        Case(model: v15, parameters: [:], refused: "prompt"),
        Case(model: v15, parameters: with(["duration": .integer(4)])),
        Case(model: v15, parameters: with(["duration": .integer(12)])),
        Case(model: v15, parameters: with(["duration": .integer(3)]), refused: "duration"),
        Case(model: v15, parameters: with(["duration": .integer(15)]), refused: "duration"),
        Case(model: v20, parameters: ["duration": .integer(15)]),
        Case(model: v20, parameters: ["duration": .integer(16)], refused: "duration"),
        Case(model: v15, parameters: with(["fps": .integer(24)])),
        Case(model: v15, parameters: with(["fps": .integer(25)]), refused: "fps"),
        Case(model: v15, parameters: with(["seed": .integer(-1)])),
        Case(model: v15, parameters: with(["seed": .integer(4_294_967_295)])),
        Case(model: v15, parameters: with(["seed": .integer(4_294_967_296)]), refused: "seed"),
        Case(model: v15, parameters: with(["execution_expires_after": .integer(3599)]), refused: "execution_expires_after"),
        Case(model: v15, parameters: with(["execution_expires_after": .integer(259_200)])),
        Case(model: v15, parameters: with(["resolution": .string("720p"), "ratio": .string("21:9")])),
        Case(model: v15, parameters: with(["resolution": .string("1080p")]), warns: "resolution"),
        Case(model: v15, parameters: with(["resolution": .string("4k")]), refused: "resolution"),
        Case(model: v15, parameters: with(["ratio": .string("2:1")]), refused: "ratio"),
        Case(model: v15, parameters: with(["duration": .string("5")]), refused: "duration"),
        Case(model: v15, parameters: with(["fast": .bool(true)]), refused: "fast"),
        Case(model: v15, parameters: with(["service_tier": .string("flex"), "generate_audio": .bool(false)])),
        Case(model: v15, parameters: with(["prompt": .string(String(repeating: "a", count: 501))]), warns: "prompt"),
        Case(model: v15, parameters: p, frames: [.first, .last]),
        Case(model: v20, parameters: [:], frames: [.first, .last]),
        Case(model: v20, parameters: [:], frames: [.last], refused: "last_image"),
        Case(model: v20, parameters: ["resolution": .string("1080p"), "fast": .bool(false)]),
        Case(model: v20, parameters: ["resolution": .string("1080p"), "fast": .bool(true)], refused: "resolution"),
        Case(model: v20, parameters: ["resolution": .string("1080p")], refused: "resolution"),
        Case(model: v20, parameters: ["resolution": .string("720p"), "fast": .bool(true), "return_last_frame": .bool(true)]),
        Case(model: v20, parameters: ["service_tier": .string("flex")], refused: "service_tier"),
    ]

    @Test(arguments: cases)
    func validation(_ test: Case) {
        do {
            let warnings = try test.model.validate(GenerationParameters(test.parameters), frames: test.frames)
            #expect(test.refused == nil, "accepted although \(test.refused ?? "") is wrong")
            #expect(warnings.map(\.field) == (test.warns.map { [$0] } ?? []))
        } catch {
            #expect(error.field == test.refused)
            #expect(error.allowed.contains(test.model.name), "the message names the model: \(error)")
            #expect(error.description.contains(error.field) && error.description.contains(error.value))
        }
    }

    @Test func frameChecksNameTheFieldAndNeverCarryAPayload() {
        let cases: [(GenerationRequest, String)] = [
            (makeRequest(first: FramePayload(role: .first, content: .url("file:///tmp/a.png"), digest: "")), "image"),
            (makeRequest(first: FramePayload(role: .first, content: .url("https://"), digest: "")), "image"),
            (makeRequest(first: FramePayload(role: .first, content: .url("https://host/a b.png"), digest: "")), "image"),
            (makeRequest(last: .inline(pngBytes(), format: "avif", role: .last)), "last_image"),
            (makeRequest(first: .inline(pngBytes(), format: "PNG", role: .first)), "image"),
        ]
        for (request, field) in cases {
            do {
                try request.validate()
                Issue.record("accepted an invalid \(field)")
            } catch {
                #expect(error.field == field)
                #expect(error.description.count < 300)
            }
        }
    }

    @Test func outputSizesComeFromTheModel() {
        #expect(Self.v15.outputSizes(resolution: nil, ratio: "16:9") == [.init(width: 1280, height: 720)], "720p is the default")
        #expect(Self.v15.outputSizes(resolution: "480p", ratio: "9:16") == [.init(width: 496, height: 864)])
        #expect(Self.v15.outputSizes(resolution: "720p", ratio: "adaptive").count == 6)
        #expect(Self.v15.outputSizes(resolution: "8k", ratio: nil).isEmpty)
        #expect(Self.v20.defaultResolution == "1080p", "no documented default: the largest, so frames are never too small")
    }
}
