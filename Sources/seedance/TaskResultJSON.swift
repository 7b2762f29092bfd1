import SeedanceAPI

/// The `--json` shape of a task's state, shared by `status` and `wait`.
struct TaskResultJSON: Encodable {
    struct Video: Encodable {
        var url: String
        var ttl: String?
    }

    var taskID: String
    var status: String
    var reason: String?
    var errorCode: String?
    var progressPercent: Int?
    var eta: Int?
    var seed: String?
    var videos: [Video]
    /// Set by `wait` when the video was saved.
    var output: String?
    /// Set by `wait` when the task's last frame was saved beside the video.
    var lastFrameOutput: String?
    /// Set by `wait` when its deadline passed.
    var resumeCommand: String?

    enum CodingKeys: String, CodingKey {
        case status, reason, eta, seed, videos, output
        case taskID = "task_id"
        case errorCode = "error_code"
        case progressPercent = "progress_percent"
        case resumeCommand = "resume_command"
        case lastFrameOutput = "last_frame_output"
    }

    init(_ result: TaskSnapshot, output: String? = nil, lastFrameOutput: String? = nil, resumeCommand: String? = nil) {
        taskID = result.taskID
        status = result.status.rawValue
        reason = result.reason.isEmpty ? nil : result.reason
        errorCode = result.errorCode
        progressPercent = result.progressPercent
        eta = result.eta
        seed = result.seed
        videos = result.videos.map { Video(url: $0.url, ttl: $0.ttl) }
        self.output = output
        self.lastFrameOutput = lastFrameOutput
        self.resumeCommand = resumeCommand
    }
}
