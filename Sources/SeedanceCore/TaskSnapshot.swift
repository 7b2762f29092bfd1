public import Foundation

/// What a provider says about one task, in every provider's terms: the neutral state, progress,
/// the output URLs, the provider's own error code and message, and the usage it bills.
public struct TaskSnapshot: Sendable, Hashable {
    /// One produced video; its URL is presigned and expires.
    public struct Video: Sendable, Hashable {
        public var url: String
        /// Seconds the URL stays valid, as the provider sent it.
        public var ttl: String?
        public var type: String?

        public init(url: String, ttl: String? = nil, type: String? = nil) {
            self.url = url
            self.ttl = ttl
            self.type = type
        }
    }

    /// What the provider reports it used (and bills by), when it reports it.
    public struct Usage: Sendable, Hashable {
        public var completionTokens: Int?
        public var totalTokens: Int?

        public init(completionTokens: Int? = nil, totalTokens: Int? = nil) {
            self.completionTokens = completionTokens
            self.totalTokens = totalTokens
        }
    }

    public var taskID: String
    public var status: TaskStatus
    /// Why the task failed, in the provider's words; empty otherwise.
    public var reason: String
    /// The provider's error code for a failed task (e.g. `OutputAudioSensitiveContentDetected`).
    public var errorCode: String?
    /// Seconds the provider expects the task still needs.
    public var eta: Int?
    public var progressPercent: Int?
    public var videos: [Video]
    /// The last frame of the video, when it was asked for and the provider returns it.
    public var lastFrameURL: String?
    /// The seed the provider used, as text (sent as a string or a number).
    public var seed: String?
    public var usage: Usage?
    /// When the provider created the task, where it says (matching an unknown outcome).
    public var createdAt: Date?
    /// The wire model id the task runs on, where the provider says.
    public var model: String?
    /// What the provider echoes of the request (ratio, resolution, duration, seed, service
    /// tier, …) as text, so an unknown outcome can be matched against what was sent.
    public var echoed: [String: String]

    public init(
        taskID: String, status: TaskStatus, reason: String = "", errorCode: String? = nil, eta: Int? = nil,
        progressPercent: Int? = nil, videos: [Video] = [], lastFrameURL: String? = nil, seed: String? = nil,
        usage: Usage? = nil, createdAt: Date? = nil, model: String? = nil, echoed: [String: String] = [:]
    ) {
        self.taskID = taskID
        self.status = status
        self.reason = reason
        self.errorCode = errorCode
        self.eta = eta
        self.progressPercent = progressPercent
        self.videos = videos
        self.lastFrameURL = lastFrameURL
        self.seed = seed
        self.usage = usage
        self.createdAt = createdAt
        self.model = model
        self.echoed = echoed
    }
}
