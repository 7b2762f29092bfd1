public import Foundation

/// What task-result says about one task.
public struct TaskResult: Sendable, Hashable {
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

    public var taskID: String
    public var status: TaskStatus
    /// Why the task failed; empty otherwise.
    public var reason: String
    /// Seconds the provider expects the task still needs.
    public var eta: Int?
    public var progressPercent: Int?
    public var videos: [Video]
    /// The seed the provider used, as text (sent as a string or a number).
    public var seed: String?

    public init(
        taskID: String, status: TaskStatus, reason: String = "", eta: Int? = nil,
        progressPercent: Int? = nil, videos: [Video] = [], seed: String? = nil
    ) {
        self.taskID = taskID
        self.status = status
        self.reason = reason
        self.eta = eta
        self.progressPercent = progressPercent
        self.videos = videos
        self.seed = seed
    }

    /// Decodes a task-result body; fields documented as strings may also be numbers.
    public init(json: Data) throws(SeedanceError) {
        let wire: TaskResultWire
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            wire = try decoder.decode(TaskResultWire.self, from: json)
        } catch {
            throw SeedanceError(.malformedResponse, "task-result answer is not the expected JSON (\(DecodingErrorSummary.describe(error)))")
        }
        self.init(
            taskID: wire.task.taskId,
            status: TaskStatus(rawValue: wire.task.status),
            reason: wire.task.reason ?? "",
            eta: wire.task.eta.flatMap { Double($0.value) }.map { Int($0) },
            progressPercent: wire.task.progressPercent.flatMap { Double($0.value) }.map { Int($0) },
            videos: (wire.videos ?? []).map { Video(url: $0.videoUrl, ttl: $0.videoUrlTtl?.value, type: $0.videoType) },
            seed: wire.extra?.seed?.value)
    }
}

/// The JSON shape of task-result (snake_case on the wire), kept private so the public model can differ from it.
private struct TaskResultWire: Decodable {
    struct Task: Decodable {
        var taskId: String
        var status: String
        var reason: String?
        var eta: LenientString?
        var progressPercent: LenientString?
    }

    struct Video: Decodable {
        var videoUrl: String
        var videoUrlTtl: LenientString?
        var videoType: String?
    }

    struct Extra: Decodable {
        var seed: LenientString?
    }

    var task: Task
    var videos: [Video]?
    var extra: Extra?
}
