import Foundation
import SeedanceAPI
import Testing

@testable import SeedanceProviders

/// novita behind the seam, from tables: how its answers read, and what each create answer
/// proves about money. No server: a scripted transport answers.
@Suite struct NovitaProviderTests {
    static let key = "sk-novita-test-key-0123456789"

    static func provider(_ script: [ScriptedTransport.Step], submitRetry: RetryPolicy = .none) -> (NovitaProvider, ScriptedTransport) {
        let transport = ScriptedTransport(script)
        let configuration = ProviderConfiguration(
            baseURL: URL(string: "http://novita.test/prefix")!, apiKey: key, submitRetry: submitRetry, readRetry: .none)
        return (NovitaProvider(configuration: configuration, transport: transport), transport)
    }

    static var body: RequestBody {
        RequestBody(
            json: .object([("prompt", .string("a cat")), ("image", .frame(.inline(Data([1, 2, 3, 4]), format: "png", role: .first)))]),
            model: "seedance-v1.5-pro", endpoint: "/v3/async/seedance-v1.5-pro-i2v")
    }

    @Test func theCreateCallIsBuiltAsNovitaWantsIt() async throws {
        let (provider, transport) = Self.provider([.answer(status: 200, body: #"{"task_id":"t-1"}"#)])
        let outcome = await provider.createTask(Self.body)
        guard case .created(let taskID, let attempts) = outcome else {
            Issue.record("not created: \(outcome)")
            return
        }
        #expect(taskID == "t-1")
        #expect(attempts == 1)
        let sent = try #require(await transport.sent.first)
        #expect(sent.method == .post)
        #expect(sent.url == "http://novita.test/prefix/v3/async/seedance-v1.5-pro-i2v")
        #expect(sent.headers.first(name: "authorization") == "Bearer \(Self.key)")
        #expect(sent.headers.first(name: "content-type") == "application/json")
        #expect(sent.declaredLength == Self.body.length)
        #expect(sent.body.count == Self.body.length)
        let text = String(decoding: sent.body, as: UTF8.self)
        #expect(text.contains(#""image":"data:image/png;base64,AQIDBA==""#))
    }

    /// The money table: what each last answer proves about the task (the ledger's `creation`).
    @Test(arguments: [
        (ScriptedTransport.Step.answer(status: 200, body: #"{"task_id":"t"}"#), TaskCreation.created),
        (.answer(status: 200, body: "{}"), .unknown),
        (.answer(status: 400, body: #"{"reason":"INVALID_IMAGE_SIZE","message":"too small"}"#), .refused),
        (.answer(status: 401, body: #"{"reason":"INVALID_API_KEY"}"#), .refused),
        (.answer(status: 403, body: #"{"reason":"NOT_ENOUGH_BALANCE"}"#), .refused),
        (.answer(status: 429, body: #"{"reason":"RATE_LIMIT_EXCEEDED"}"#), .notSent),
        (.answer(status: 503, body: "<html>busy</html>"), .notSent),
        (.answer(status: 500, body: "{}"), .unknown),
        (.answer(status: 502, body: "{}"), .unknown),
        (.fail(.notConnected), .notSent),
        (.fail(.readTimeout), .unknown),
        (.fail(.connectionClosed), .unknown),
        (.fail(.other), .unknown),
    ])
    func eachAnswerProvesWhatItProves(step: ScriptedTransport.Step, creation: TaskCreation) async {
        let (provider, _) = Self.provider([step])
        switch await provider.createTask(Self.body) {
        case .created:
            #expect(creation == .created)
        case .failed(let proven, let error, _):
            #expect(proven == creation)
            #expect(!error.message.contains(Self.key))
        }
    }

    @Test func onlyAProvableRefusalIsSentAgain() async {
        let (provider, transport) = Self.provider(
            [.fail(.notConnected), .answer(status: 429, body: "{}"), .answer(status: 200, body: #"{"task_id":"t-3"}"#)],
            submitRetry: RetryPolicy(maxAttempts: 4, baseDelay: .zero, maxDelay: .zero, maxTotalWait: .seconds(1)))
        guard case .created(let taskID, let attempts) = await provider.createTask(Self.body) else {
            Issue.record("not created")
            return
        }
        #expect(taskID == "t-3")
        #expect(attempts == 3)
        #expect(await transport.sent.count == 3)

        let (unsure, unsureTransport) = Self.provider(
            [.answer(status: 500, body: "{}"), .answer(status: 200, body: #"{"task_id":"never"}"#)],
            submitRetry: RetryPolicy(maxAttempts: 4, baseDelay: .zero, maxDelay: .zero, maxTotalWait: .seconds(1)))
        guard case .failed(.unknown, _, _) = await unsure.createTask(Self.body) else {
            Issue.record("a 500 after the body was retried or misread")
            return
        }
        #expect(await unsureTransport.sent.count == 1)
    }

    @Test(arguments: [
        (#""3600""#, #""12345""#),
        ("3600", "12345"),
    ])
    func ttlAndSeedMayBeStringsOrNumbers(ttl: String, seed: String) throws {
        let json = """
            {"extra": {"seed": \(seed), "debug_info": {}},
             "task": {"task_id": "t1", "status": "TASK_STATUS_SUCCEED", "reason": "", "task_type": "x", "eta": 0, "progress_percent": 100},
             "images": [], "audios": [],
             "videos": [{"video_url": "https://cdn/v.mp4?X-Amz-Expires=3600", "video_url_ttl": \(ttl), "video_type": "mp4"}]}
            """
        let result = try NovitaTaskResult.snapshot(json: Data(json.utf8))
        #expect(result.status == .succeeded)
        #expect(result.videos.first?.ttl == "3600")
        #expect(result.seed == "12345")
        #expect(result.progressPercent == 100)
    }

    @Test(arguments: [
        ("TASK_STATUS_QUEUED", TaskStatus.queued),
        ("TASK_STATUS_PROCESSING", .running),
        ("TASK_STATUS_SUCCEED", .succeeded),
        ("TASK_STATUS_FAILED", .failed),
        ("TASK_STATUS_PAUSED", .other("TASK_STATUS_PAUSED")),
    ])
    func statusesMapOntoTheNeutralOnesAndUnknownOnesAreKept(raw: String, status: TaskStatus) async throws {
        let (provider, transport) = Self.provider([.answer(status: 200, body: #"{"task": {"task_id": "t&1", "status": "\#(raw)"}}"#)])
        let result = try await provider.task(id: "t&1")
        #expect(result.status == status)
        #expect(result.videos.isEmpty)
        let sent = try #require(await transport.sent.first)
        #expect(sent.method == .get)
        #expect(sent.url == "http://novita.test/prefix/v3/async/task-result?task_id=t%261")
        #expect(sent.headers.first(name: "authorization") == "Bearer \(Self.key)")
    }

    @Test func unknownStatusIsNotFinished() {
        #expect(!TaskStatus.other("TASK_STATUS_NEW").isFinished)
        #expect(TaskStatus.expired.isFinished && TaskStatus.cancelled.isFinished)
    }

    @Test(arguments: ["", "{", "[]", #"{"task": {}}"#, "<html>oops</html>"])
    func malformedJSONIsAnError(body: String) {
        do {
            _ = try NovitaTaskResult.snapshot(json: Data(body.utf8))
            Issue.record("decoded \(body)")
        } catch {
            #expect(error.kind == .malformedResponse)
        }
    }

    @Test(arguments: [
        ("INVALID_IMAGE_SIZE", 400, ProviderError.Kind.invalidImage),
        ("INVALID_API_KEY", 403, .invalidAPIKey),
        ("MISSING_API_KEY", 400, .missingAPIKey),
        ("NOT_ENOUGH_BALANCE", 403, .insufficientBalance),
        ("BILLING_BALANCE_NOT_ENOUGH", 400, .insufficientBalance),
        ("RATE_LIMIT_EXCEEDED", 429, .rateLimited),
        ("TASK_NOT_FOUND", 404, .taskNotFound),
        ("SOMETHING_NEW", 418, .unknown),
        ("", 429, .rateLimited),
        ("", 500, .serverFailure),
    ])
    func novitaCodesGetANeutralKind(reason: String, status: Int, kind: ProviderError.Kind) {
        let answer = HTTPAnswer(status: status, body: Array(#"{"reason":"\#(reason)","message":"m"}"#.utf8))
        let error = NovitaErrors.providerError(answer)
        #expect(error.kind == kind)
        #expect(error.reason == reason)
        #expect(error.description.contains(reason.isEmpty ? "HTTP \(status)" : reason))
    }

    @Test func aKeyEchoedByTheProviderIsRedacted() async {
        let (provider, _) = Self.provider([.answer(status: 400, body: #"{"reason":"INVALID_REQUEST_BODY","message":"bad key \#(Self.key)"}"#)])
        guard case .failed(.refused, let error, _) = await provider.createTask(Self.body) else {
            Issue.record("not refused")
            return
        }
        #expect(!"\(error)".contains(Self.key))
    }
}
