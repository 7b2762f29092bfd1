import Foundation
import SeedanceStub
import Testing

/// The contract's parameter table, row by row: a field that does not apply to the family, or a
/// value outside its column, is 400 `InvalidParameter` naming the field (Ark validates
/// strictly); the allowed neighbours pass. Expectations are written by hand from the table.
@Suite struct ArkStubFieldTests {
    static let pro = "seedance-1-5-pro-251215", v20 = "dreamina-seedance-2-0-260128", fast = "dreamina-seedance-2-0-fast-260128"
    static let mini = "doubao-seedance-2-0-mini-260615", v25 = "dreamina-seedance-2-5-260628", v20ve = "doubao-seedance-2-0-260128"

    struct Row: Sendable, CustomTestStringConvertible {
        var model: String
        var field: String
        var value: Field
        /// true: 400 naming `field`; false: 200 and a task.
        var refused: Bool
        var frames = true

        var testDescription: String { "\(model) \(field)=\(value) \(frames ? "frames" : "text") → \(refused ? "400" : "200")" }
    }

    enum Field: Sendable, CustomStringConvertible {
        case string(String)
        case int(Int)
        case bool(Bool)
        case tools

        var json: Any {
            switch self {
            case .string(let text): text
            case .int(let number): number
            case .bool(let flag): flag
            case .tools: [["type": "web_search"]]
            }
        }

        var description: String { "\(json)" }
    }

    static let rows: [Row] = [
        Row(model: pro, field: "camera_fixed", value: .bool(true), refused: false),
        Row(model: v20, field: "camera_fixed", value: .bool(false), refused: true),
        Row(model: v25, field: "camera_fixed", value: .bool(false), refused: true),
        Row(model: v25, field: "ratio", value: .string("16:9"), refused: true),
        Row(model: v25, field: "ratio", value: .string("adaptive"), refused: false),
        Row(model: v25, field: "ratio", value: .string("16:9"), refused: false, frames: false),
        Row(model: v20, field: "ratio", value: .string("21:9"), refused: false),
        Row(model: v20, field: "ratio", value: .string("2:1"), refused: true),
        Row(model: v20, field: "resolution", value: .string("4k"), refused: false),
        Row(model: pro, field: "resolution", value: .string("4k"), refused: true),
        Row(model: v25, field: "resolution", value: .string("4k"), refused: true),
        Row(model: v25, field: "resolution", value: .string("1080p"), refused: false),
        Row(model: fast, field: "resolution", value: .string("1080p"), refused: true),
        Row(model: mini, field: "resolution", value: .string("1080p"), refused: true),
        Row(model: fast, field: "resolution", value: .string("720p"), refused: false),
        Row(model: pro, field: "resolution", value: .string("1080p"), refused: false),
        Row(model: v20, field: "resolution", value: .string("720P"), refused: true),
        Row(model: pro, field: "duration", value: .int(12), refused: false),
        Row(model: pro, field: "duration", value: .int(13), refused: true),
        Row(model: v20, field: "duration", value: .int(15), refused: false),
        Row(model: v20, field: "duration", value: .int(16), refused: true),
        Row(model: v20, field: "duration", value: .int(3), refused: true),
        Row(model: v20, field: "duration", value: .int(-1), refused: false),
        Row(model: v20, field: "duration", value: .int(0), refused: true),
        Row(model: v25, field: "duration", value: .int(30), refused: false),
        Row(model: v25, field: "duration", value: .int(31), refused: true),
        Row(model: v20, field: "duration", value: .string("5"), refused: true),
        Row(model: pro, field: "seed", value: .int(2_147_483_647), refused: false),
        Row(model: pro, field: "seed", value: .int(2_147_483_648), refused: true),
        Row(model: v20, field: "seed", value: .int(-1), refused: false),
        Row(model: v20, field: "seed", value: .int(-2), refused: true),
        Row(model: v20, field: "execution_expires_after", value: .int(3599), refused: true),
        Row(model: v20, field: "execution_expires_after", value: .int(3600), refused: false),
        Row(model: v20, field: "execution_expires_after", value: .int(259_200), refused: false),
        Row(model: v20, field: "execution_expires_after", value: .int(259_201), refused: true),
        Row(model: pro, field: "service_tier", value: .string("flex"), refused: false),
        Row(model: v20, field: "service_tier", value: .string("flex"), refused: true),
        Row(model: v20, field: "service_tier", value: .string("default"), refused: false),
        Row(model: pro, field: "service_tier", value: .string("scale"), refused: true),
        Row(model: v20, field: "priority", value: .int(9), refused: false),
        Row(model: v20, field: "priority", value: .int(10), refused: true),
        Row(model: pro, field: "priority", value: .int(1), refused: true),
        Row(model: v25, field: "output_format", value: .string("mov"), refused: false),
        Row(model: v25, field: "output_format", value: .string("avi"), refused: true),
        Row(model: v20, field: "output_format", value: .string("mp4"), refused: true),
        Row(model: v20, field: "draft", value: .bool(true), refused: true),
        Row(model: v25, field: "draft", value: .bool(false), refused: true),
        Row(model: pro, field: "draft", value: .bool(true), refused: true),
        Row(model: pro, field: "frames", value: .int(121), refused: true),
        Row(model: v20, field: "foo", value: .int(1), refused: true),
        Row(model: v20ve, field: "tools", value: .tools, refused: false),
        Row(model: v20, field: "tools", value: .tools, refused: true),
        Row(model: v20, field: "generate_audio", value: .string("yes"), refused: true),
        Row(model: v20, field: "watermark", value: .bool(true), refused: false),
        Row(model: v20, field: "return_last_frame", value: .bool(true), refused: false),
        Row(model: v20, field: "callback_url", value: .string("https://example.com/hook"), refused: false),
        Row(model: v20, field: "callback_url", value: .string("example.com/hook"), refused: true),
        Row(model: v20, field: "safety_identifier", value: .string(String(repeating: "u", count: 64)), refused: false),
        Row(model: v20, field: "safety_identifier", value: .string(String(repeating: "u", count: 65)), refused: true),
    ]

    @Test(arguments: rows)
    func theParameterTable(row: Row) async throws {
        try await ArkStubHarness.run { ark in
            var body = try ArkStubHarness.body(model: row.model, extra: [row.field: row.value.json])
            if !row.frames { body["content"] = [["type": "text", "text": "a lighthouse at dusk"]] }
            let answer = try await ark.create(body)
            if row.refused {
                #expect(answer.status == 400)
                #expect(answer.errorCode == "InvalidParameter")
                #expect(answer.errorParam == row.field)
                #expect(ark.stub.arkTaskCount == 0)
            } else {
                #expect(answer.status == 200, "\(String(decoding: answer.bytes, as: UTF8.self))")
                #expect(ark.stub.arkTaskCount == 1)
            }
        }
    }

    /// A draft is 1.5 Pro at 480p only, without a last frame and not on flex.
    @Test func draftRules() async throws {
        try await ArkStubHarness.run { ark in
            let ok = try await ark.create(try ArkStubHarness.body(model: Self.pro, extra: ["draft": true, "resolution": "480p"]))
            #expect(ok.status == 200)
            let finished = try await ark.poll(try #require(ok.id))
            #expect(finished.json["draft"] as? Bool == true)
            for (extra, param) in [
                (["return_last_frame": true], "return_last_frame"), (["service_tier": "flex"], "service_tier"),
            ] as [([String: Any], String)] {
                let answer = try await ark.create(
                    try ArkStubHarness.body(model: Self.pro, extra: extra.merging(["draft": true, "resolution": "480p"]) { $1 }))
                #expect(answer.status == 400)
                #expect(answer.errorParam == param)
            }
        }
    }

    /// Defaults the task reports: 2.5's duration -1 is reported as what the stand-in chose (5),
    /// generate_audio defaults to true, the tier to default.
    @Test func defaultsAreEchoed() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 0, runningPolls: 0, listWindow: .zero)) { ark in
            let id = try await ark.createdID(try ArkStubHarness.body(model: Self.v25))
            let body = try await ark.poll(id).json
            #expect(body["duration"] as? Int == 5)
            #expect(body["resolution"] as? String == "720p")
            #expect(body["generate_audio"] as? Bool == true)
            #expect(body["service_tier"] as? String == "default")
            #expect(body["execution_expires_after"] as? Int == 172_800)
        }
    }
}
