internal import Foundation

/// A task the stand-in's Ark mode created. It advances by retrieves, not by time, so tests never
/// wait: `queuedPolls` retrieves answer `queued`, the next `runningPolls` answer `running`, then
/// it ends. List shows the status the last retrieve reached and never advances a task.
struct ArkTask: Sendable {
    enum Ending: Sendable, Hashable {
        case succeed
        case fail(code: String, message: String)
        case expire
    }

    var id: String
    /// Order of creation, for a stable List order.
    var sequence: Int
    var request: ArkCreateRequest
    var createdAt: Int
    var updatedAt: Int
    var seed: Int
    var ending: Ending
    var polls = 0
    /// Set by DELETE on a queued task.
    var cancelled = false

    /// The status after `polls` retrieves (0: never retrieved, so still queued).
    func status(queuedPolls: Int, runningPolls: Int) -> String {
        if cancelled { return "cancelled" }
        if polls <= queuedPolls { return "queued" }
        switch ending {
        case .expire: return "expired"
        case _ where polls <= queuedPolls + runningPolls: return "running"
        case .succeed: return "succeeded"
        case .fail: return "failed"
        }
    }

    static let terminal: Set<String> = ["succeeded", "failed", "expired", "cancelled"]

    /// What `adaptive` and -1 chose: the stand-in picks 16:9 and 5 s.
    var ratio: String { request.ratio == "adaptive" ? "16:9" : request.ratio }
    var duration: Int { request.duration == -1 ? 5 : request.duration }
    var size: (width: Int, height: Int) { request.family.outputSize(ratio: ratio, resolution: request.resolution) }

    /// W × H × (24·d + 1) / 1024, the contract's billed frames, rounded down.
    var completionTokens: Int { size.width * size.height * (24 * duration + 1) / 1024 }

    /// The retrieve body ([BP-R][VE-C]) at `status`; `fileURL` makes the download URLs.
    func body(status: String, sparse: Bool, fileURL: (String) -> String) -> [String: Any] {
        var body: [String: Any] = [
            "id": id, "model": request.model, "status": status, "created_at": createdAt, "updated_at": updatedAt,
            "service_tier": request.serviceTier, "execution_expires_after": request.executionExpiresAfter,
        ]
        if sparse, status == "queued" || status == "running" { return body }
        body["ratio"] = ratio
        body["resolution"] = request.resolution
        body["duration"] = duration
        body["framespersecond"] = 24
        body["seed"] = seed
        body["generate_audio"] = request.generateAudio
        if request.draft { body["draft"] = true }
        body["error"] = NSNull()
        switch status {
        case "succeeded":
            var content = ["video_url": fileURL("\(id).mp4")]
            if request.returnLastFrame { content["last_frame_url"] = fileURL("\(id).last.png") }
            body["content"] = content
            body["usage"] = ["completion_tokens": completionTokens, "total_tokens": completionTokens]
        case "failed":
            if case .fail(let code, let message) = ending { body["error"] = ["code": code, "message": message] }
        default:
            break
        }
        return body
    }
}
