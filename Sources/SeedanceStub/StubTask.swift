internal import Foundation

/// A task the stand-in created, whose state follows from the time since creation.
struct StubTask: Sendable {
    var id: String
    var created: ContinuousClock.Instant
    var duration: Duration
    var failureReason: String?
    /// Bumped when a fresh video URL is handed out, so expired ones can be told apart.
    var seed: Int

    /// The task-result document at `now`.
    func result(at now: ContinuousClock.Instant, videoURL: () -> String, lifetime: Int) -> [String: Any] {
        let elapsed = created.duration(to: now)
        let fraction = duration <= .zero ? 1 : min(1, elapsed / duration)
        let remaining = max(0, Int(((duration - elapsed) / .seconds(1)).rounded(.up)))
        var status: String
        var videos: [[String: Any]] = []
        var reason = ""
        switch fraction {
        case ..<0.15:
            status = "TASK_STATUS_QUEUED"
        case ..<1:
            status = "TASK_STATUS_PROCESSING"
        default:
            if let failureReason {
                status = "TASK_STATUS_FAILED"
                reason = failureReason
            } else {
                status = "TASK_STATUS_SUCCEED"
                videos = [["video_url": videoURL(), "video_url_ttl": String(lifetime), "video_type": "mp4"]]
            }
        }
        return [
            "task": [
                "task_id": id, "status": status, "reason": reason, "task_type": "SEEDANCE_V1_5_PRO_I2V",
                "eta": remaining, "progress_percent": Int(fraction * 100),
            ] as [String: Any],
            "extra": ["seed": String(seed)],
            "images": [Any](), "audios": [Any](),
            "videos": videos,
        ]
    }
}

/// A tiny file that starts like an MP4 (an `ftyp` box), which is all the client can check.
enum FakeVideo {
    static let bytes: Data = {
        var data = Data([0x00, 0x00, 0x00, 0x18])
        data.append(contentsOf: Array("ftypisom".utf8))
        data.append(contentsOf: [0x00, 0x00, 0x02, 0x00])
        data.append(contentsOf: Array("isomiso2".utf8))
        data.append(contentsOf: [0x00, 0x00, 0x00, 0x08])
        data.append(contentsOf: Array("free".utf8))
        data.append(Data(repeating: 0, count: 4096))
        return data
    }()
}
