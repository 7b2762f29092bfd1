import Foundation
import SeedanceAPI
import Testing

@Suite struct TaskResultDecodingTests {
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
        let result = try TaskResult(json: Data(json.utf8))
        #expect(result.status == .succeeded)
        #expect(result.videos.first?.ttl == "3600")
        #expect(result.seed == "12345")
        #expect(result.progressPercent == 100)
    }

    @Test(arguments: [
        ("TASK_STATUS_QUEUED", TaskStatus.queued),
        ("TASK_STATUS_PROCESSING", .processing),
        ("TASK_STATUS_FAILED", .failed),
        ("TASK_STATUS_PAUSED", .other("TASK_STATUS_PAUSED")),
    ])
    func statusesAreReadAndUnknownOnesKept(raw: String, status: TaskStatus) throws {
        let json = #"{"task": {"task_id": "t", "status": "\#(raw)"}}"#
        let result = try TaskResult(json: Data(json.utf8))
        #expect(result.status == status)
        #expect(result.status.rawValue == raw)
        #expect(result.videos.isEmpty)
    }

    @Test func unknownStatusIsNotFinished() {
        #expect(!TaskStatus.other("TASK_STATUS_NEW").isFinished)
    }

    @Test(arguments: ["", "{", "[]", #"{"task": {}}"#, "<html>oops</html>"])
    func malformedJSONIsAnError(body: String) {
        do {
            _ = try TaskResult(json: Data(body.utf8))
            Issue.record("decoded \(body)")
        } catch {
            #expect(error.kind == .malformedResponse)
        }
    }

    @Test(arguments: [
        ("INVALID_IMAGE_SIZE", 400, ProviderError.Kind.invalidImage, "seedance check"),
        ("INVALID_API_KEY", 403, .invalidAPIKey, "NOVITA_API_KEY"),
        ("MISSING_API_KEY", 400, .missingAPIKey, "NOVITA_API_KEY"),
        ("NOT_ENOUGH_BALANCE", 403, .insufficientBalance, "top up"),
        ("BILLING_BALANCE_NOT_ENOUGH", 400, .insufficientBalance, "top up"),
        ("RATE_LIMIT_EXCEEDED", 429, .rateLimited, "wait"),
        ("TASK_NOT_FOUND", 404, .taskNotFound, "seedance tasks"),
        ("SOMETHING_NEW", 418, .unknown, "message"),
    ])
    func providerErrorsGetAKindAndANextStep(reason: String, status: Int, kind: ProviderError.Kind, hint: String) {
        let error = ProviderError(httpStatus: status, reason: reason, message: "m")
        #expect(error.kind == kind)
        #expect(error.hint.contains(hint))
        #expect(error.description.contains(reason))
    }
}
