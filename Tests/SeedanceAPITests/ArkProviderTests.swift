import Foundation
import SeedanceAPI
import TestSupport
import Testing

@testable import SeedanceProviders

/// Ark behind the seam, from tables: the body it lays out per family and region, what each
/// error code means, what each create answer proves about money, and how tasks read back.
@Suite struct ArkProviderTests {
    static let key = "ark-test-key-0123456789abcdef"

    static func provider(_ script: [ScriptedTransport.Step], id: ProviderID = .byteplus) -> (ArkProvider, ScriptedTransport) {
        let transport = ScriptedTransport(script)
        let configuration = ProviderConfiguration(
            baseURL: URL(string: "http://ark.test/api/v3")!, apiKey: key, submitRetry: .none, readRetry: .none)
        return (ArkProvider(id: id, configuration: configuration, transport: transport, timeSource: fastTimeSource()), transport)
    }

    static func model(_ name: String) throws -> VideoModel {
        try #require(VideoModel.builtIn(named: name, api: "ark"))
    }

    /// The body as the POST sends it, through `--request-out`'s writer, parsed back.
    static func json(_ body: RequestBody) throws -> [String: Any] {
        try withScratchFolder("ark-body") { folder in
            let file = folder.appendingPathComponent("body.json")
            try body.write(to: file)
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        }
    }

    static let png = FramePayload.inline(Data([0x89, 0x50, 0x4E, 0x47]), format: "png", role: .first)
    static let lastURL = FramePayload(role: .last, content: .url("https://example.com/last.jpg"), digest: String(repeating: "a", count: 64))

    /// Both regions, every family: the wire id of the contract's table, content[] with the text
    /// first and both roles, the other fields at the top level, only those set.
    @Test(arguments: [
        ("seedance-v1.5-pro", ProviderID.byteplus, "seedance-1-5-pro-251215"),
        ("seedance-v1.5-pro", .volcengine, "doubao-seedance-1-5-pro-251215"),
        ("seedance-2.0", .byteplus, "dreamina-seedance-2-0-260128"),
        ("seedance-2.0", .volcengine, "doubao-seedance-2-0-260128"),
        ("seedance-2.0-fast", .byteplus, "dreamina-seedance-2-0-fast-260128"),
        ("seedance-2.0-fast", .volcengine, "doubao-seedance-2-0-fast-260128"),
        ("seedance-2.0-mini", .byteplus, "dreamina-seedance-2-0-mini-260615"),
        ("seedance-2.0-mini", .volcengine, "doubao-seedance-2-0-mini-260615"),
        ("seedance-2.5", .byteplus, "dreamina-seedance-2-5-260628"),
        ("seedance-2.5", .volcengine, "doubao-seedance-2-5-260628"),
    ])
    func theBodyFollowsTheContract(family: String, provider: ProviderID, wireID: String) throws {
        let request = GenerationRequest(
            model: try Self.model(family),
            parameters: GenerationParameters(["prompt": .string("She turns"), "duration": .integer(5), "generate_audio": .bool(false)]),
            frames: [Self.png, Self.lastURL])
        let body = try ArkRequestLayout.body(for: request, provider: provider)
        let json = try Self.json(body)
        #expect(json["model"] as? String == wireID)
        #expect(Set(json.keys) == ["model", "content", "duration", "generate_audio"])
        let content = try #require(json["content"] as? [[String: Any]])
        #expect(content.count == 3)
        #expect(content[0]["type"] as? String == "text" && content[0]["text"] as? String == "She turns")
        #expect(content[1]["role"] as? String == "first_frame")
        #expect((content[1]["image_url"] as? [String: Any])?["url"] as? String == "data:image/png;base64,iVBORw==")
        #expect(content[2]["role"] as? String == "last_frame")
        #expect((content[2]["image_url"] as? [String: Any])?["url"] as? String == "https://example.com/last.jpg")
        #expect(body.length == body.producedByteCount())
    }

    /// A field a family does not take is refused before anything is sent (Ark answers 400 to it).
    @Test(arguments: [
        ("seedance-2.0", "camera_fixed", ParameterValue.bool(true)),
        ("seedance-2.0", "service_tier", .string("flex")),
        ("seedance-2.0-fast", "resolution", .string("1080p")),
        ("seedance-2.0-mini", "resolution", .string("4k")),
        ("seedance-2.5", "ratio", .string("16:9")),
        ("seedance-v1.5-pro", "priority", .integer(1)),
        ("seedance-v1.5-pro", "seed", .integer(2_147_483_648)),
    ])
    func whatAFamilyDoesNotTakeIsRefusedLocally(family: String, field: String, value: ParameterValue) throws {
        let request = GenerationRequest(
            model: try Self.model(family), parameters: GenerationParameters(["prompt": .string("x"), field: value]), frames: [Self.png])
        #expect(throws: RequestValidationError.self) { try ArkRequestLayout.body(for: request, provider: .byteplus) }
    }

    @Test func aNovitaModelOrAMissingWireIDIsRefused() throws {
        let novita = GenerationRequest(model: VideoModel.defaultModel, parameters: GenerationParameters(["prompt": .string("x")]), frames: [Self.png])
        #expect(throws: RequestValidationError.self) { try ArkRequestLayout.body(for: novita, provider: .byteplus) }
        var model = try Self.model("seedance-2.0")
        model.wireIDs = ["byteplus": "ep-20260101-abc"]
        let endpoint = GenerationRequest(model: model, parameters: GenerationParameters([:]), frames: [Self.png])
        #expect(try Self.json(try ArkRequestLayout.body(for: endpoint, provider: .byteplus))["model"] as? String == "ep-20260101-abc")
        #expect(throws: RequestValidationError.self) { try ArkRequestLayout.body(for: endpoint, provider: .volcengine) }
    }

    /// The contract's error table: every code, its neutral kind and what a refused create proves.
    @Test(arguments: [
        (400, "InvalidParameter", "", ProviderError.Kind.invalidRequest, TaskCreation.refused),
        (400, "MissingParameter", "", .invalidRequest, .refused),
        (400, "InputTextSensitiveContentDetected", "", .illegalContent, .refused),
        (400, "InputImageSensitiveContentDetected", "", .illegalContent, .refused),
        (400, "InputImageSensitiveContentDetected.PrivacyInformation", "", .illegalContent, .refused),
        (400, "InputTextSensitiveContentDetected.PolicyViolation", "", .illegalContent, .refused),
        (401, "AuthenticationError", "", .invalidAPIKey, .refused),
        (403, "AccountOverdueError", "", .accountStopped, .refused),
        (403, "AccessDenied", "", .accountStopped, .refused),
        (403, "OperationDenied.ServiceNotOpen", "", .accountStopped, .refused),
        (403, "OperationDenied.ServiceOverdue", "", .accountStopped, .refused),
        (404, "ModelNotOpen", "", .modelUnavailable, .refused),
        (404, "InvalidEndpointOrModel.NotFound", "", .modelUnavailable, .refused),
        (404, "InvalidEndpointOrModel.ModelIDAccessDisabled", "", .modelUnavailable, .refused),
        (404, "InvalidEndpoint.NotFound", "", .modelUnavailable, .refused),
        (429, "ModelAccountRpmRateLimitExceeded", "", .rateLimited, .notSent),
        (429, "RateLimitExceeded.EndpointRPMExceeded", "", .rateLimited, .notSent),
        (429, "RequestBurstTooFast", "", .rateLimited, .notSent),
        (429, "ServerOverloaded", "", .rateLimited, .notSent),
        (429, "QuotaExceeded", "The request has exceeded the quota. Request id: 1", .queueFull, .notSent),
        (429, "QuotaExceeded", "Your account has exhausted its free trial quota", .accountStopped, .notSent),
        (429, "SetLimitExceeded", "", .accountStopped, .notSent),
    ])
    func everyCodeOfTheTable(status: Int, code: String, message: String, kind: ProviderError.Kind, creation: TaskCreation) async {
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)","param":"content[1]","type":"BadRequest"}}"#
        let (provider, _) = Self.provider([.answer(status: status, body: body)])
        let request = RequestBody(json: .object([("model", .string("m"))]), model: "seedance-2.0", endpoint: ArkProvider.tasksPath)
        guard case .failed(let proven, let error, let reason) = await provider.createTask(request), case .provider(let providerError) = error.kind
        else {
            Issue.record("\(code) was not a provider refusal")
            return
        }
        #expect(providerError.kind == kind)
        #expect(proven == creation)
        #expect(reason == code)
        #expect(providerError.message.contains("content[1]"))
    }

    @Test(arguments: [
        (ScriptedTransport.Step.answer(status: 200, body: #"{"id":"cgt-20260617212928-5s755"}"#), TaskCreation.created),
        (.answer(status: 200, body: "{}"), .unknown),
        (.answer(status: 500, body: #"{"error":{"code":"InternalServiceError","message":"x"}}"#), .unknown),
        (.fail(.readTimeout), .unknown),
        (.fail(.connectionClosed), .unknown),
        (.fail(.notConnected), .notSent),
    ])
    func eachCreateAnswerProvesWhatItProves(step: ScriptedTransport.Step, creation: TaskCreation) async throws {
        let (provider, transport) = Self.provider([step])
        let request = RequestBody(json: .object([("model", .string("m"))]), model: "seedance-2.0", endpoint: ArkProvider.tasksPath)
        switch await provider.createTask(request) {
        case .created(let taskID, _):
            #expect(creation == .created)
            #expect(taskID == "cgt-20260617212928-5s755")
        case .failed(let proven, let error, _):
            #expect(proven == creation)
            #expect(!"\(error)".contains(Self.key))
        }
        let sent = try #require(await transport.sent.first)
        #expect(sent.method == .post)
        #expect(sent.url == "http://ark.test/api/v3/contents/generations/tasks")
        #expect(sent.headers.first(name: "authorization") == "Bearer \(Self.key)")
    }

    @Test func aTaskReadsBackInNeutralTerms() async throws {
        let body = """
            {"id": "cgt-1", "model": "dreamina-seedance-2-5-260628", "status": "succeeded",
             "content": {"video_url": "https://v/1.mp4", "last_frame_url": "https://v/1.png"},
             "usage": {"completion_tokens": 246840, "total_tokens": 246840},
             "created_at": 1765510475, "updated_at": 1765510559, "seed": 58944,
             "resolution": "1080p", "ratio": "16:9", "duration": 5, "framespersecond": 24,
             "service_tier": "default", "execution_expires_after": 172800}
            """
        let (provider, transport) = Self.provider([.answer(status: 200, body: body)])
        let task = try await provider.task(id: "cgt-1")
        #expect(task.status == .succeeded)
        #expect(task.videos.first?.url == "https://v/1.mp4")
        #expect(task.lastFrameURL == "https://v/1.png")
        #expect(task.usage?.completionTokens == 246840)
        #expect(task.createdAt == Date(timeIntervalSince1970: 1_765_510_475))
        #expect(task.echoed["ratio"] == "16:9" && task.echoed["duration"] == "5" && task.echoed["seed"] == "58944")
        #expect(await transport.sent.first?.url == "http://ark.test/api/v3/contents/generations/tasks/cgt-1")
    }

    @Test(arguments: ["queued", "running", "failed", "expired", "cancelled"])
    func sparseBodiesAreTolerated(status: String) async throws {
        let body =
            status == "failed"
            ? #"{"id":"t","status":"failed","error":{"code":"OutputAudioSensitiveContentDetected","message":"audio"}}"#
            : #"{"id":"t","status":"\#(status)"}"#
        let (provider, _) = Self.provider([.answer(status: 200, body: body)])
        let task = try await provider.task(id: "t")
        #expect(task.status.rawValue == status)
        if status == "failed" {
            #expect(task.errorCode == "OutputAudioSensitiveContentDetected")
            #expect(task.reason == "audio")
        }
    }

    /// List pages through both service tiers (flex tasks are listed only when asked for) and keeps
    /// the tasks created since the given time.
    @Test func theTaskListIsReadWhole() async throws {
        let page = { (ids: [(String, Int)], total: Int) in
            #"{"items":["# + ids.map { #"{"id":"\#($0.0)","status":"queued","created_at":\#($0.1)}"# }.joined(separator: ",")
                + #"],"total":\#(total)}"#
        }
        var first = (1...ArkProvider.listPageSize).map { ("d\($0)", 2000) }
        first[0].1 = 500
        let (provider, transport) = Self.provider([
            .answer(status: 200, body: page(first, ArkProvider.listPageSize + 1)),
            .answer(status: 200, body: page([("d-last", 2000)], ArkProvider.listPageSize + 1)),
            .answer(status: 200, body: page([("f1", 3000)], 1)),
        ])
        let found = try await provider.findTasks(createdSince: Date(timeIntervalSince1970: 1000), model: "dreamina-seedance-2-0-260128")
        #expect(found.count == ArkProvider.listPageSize + 1)
        #expect(!found.contains { $0.taskID == "d1" })
        #expect(found.contains { $0.taskID == "f1" } && found.contains { $0.taskID == "d-last" })
        let urls = await transport.sent.map(\.url)
        #expect(urls.count == 3)
        #expect(urls[0].contains("page_num=1") && urls[0].contains("page_size=\(ArkProvider.listPageSize)"))
        #expect(urls[0].contains("filter.model=dreamina-seedance-2-0-260128") && urls[0].contains("filter.service_tier=default"))
        #expect(urls[1].contains("page_num=2"))
        #expect(urls[2].contains("filter.service_tier=flex"))
    }

    @Test func cancelDeletesTheTask() async throws {
        let (provider, transport) = Self.provider([.answer(status: 200, body: "{}")])
        try await provider.cancelTask(id: "cgt-9")
        let sent = try #require(await transport.sent.first)
        #expect(sent.method == .delete)
        #expect(sent.url == "http://ark.test/api/v3/contents/generations/tasks/cgt-9")
    }
}

/// Ark's legacy text commands in a prompt are warned about, never generated.
@Suite struct ArkPromptWarningTests {
    @Test(arguments: [
        ("She turns --rs 720p --rt 16:9 --dur 5", true),
        ("A cat --wm true", true),
        ("A slow pan -- then a cut", false),
        ("A tram passes", false),
    ])
    func legacyCommandsAreWarnedAbout(prompt: String, warned: Bool) throws {
        let model = try #require(VideoModel.builtIn(named: "seedance-2.0", api: "ark"))
        let warnings = try model.validate(GenerationParameters(["prompt": .string(prompt)]), frames: [.first])
        #expect(warnings.contains { $0.field == "prompt" && $0.message.contains("legacy text commands") } == warned)
        // novita's own model: its prompt is its own business.
        #expect(try VideoModel.defaultModel.validate(GenerationParameters(["prompt": .string(prompt)]), frames: [.first]).isEmpty)
    }
}
