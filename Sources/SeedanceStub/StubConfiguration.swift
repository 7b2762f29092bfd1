public import SeedanceCore

/// How the stand-in behaves.
public struct StubConfiguration: Sendable {
    /// The only key accepted in `Authorization: Bearer <key>`.
    public var apiKey: String
    /// How long a task takes from creation to its final status.
    public var taskDuration: Duration
    /// Seconds a video URL stays valid.
    public var videoURLLifetime: Int
    /// When set, tasks end `TASK_STATUS_FAILED` with this reason.
    public var taskFailureReason: String?
    public var imageValidator: ImageValidator
    /// Creates accepted per window; nil: no limit. See ``StubLimits``.
    public var createLimit: StubLimits.CreateRate?
    /// Tasks that may be queued or running at once; nil: no limit.
    public var maxRunningTasks: Int?
    /// The models served, each at its endpoint; the built-in ones unless a test says otherwise.
    public var models: [VideoModel]
    /// The Ark mode under `/api/v3`, served on the same port as the novita routes.
    public var ark: ArkStubConfiguration
    /// What task progress and the create limits are measured against (real time unless a test
    /// passes ``StubClock/manual()``).
    public var clock: StubClock

    public init(
        apiKey: String,
        taskDuration: Duration = .seconds(3),
        videoURLLifetime: Int = 3600,
        taskFailureReason: String? = nil,
        imageValidator: @escaping ImageValidator = MagicByteValidator.validate,
        createLimit: StubLimits.CreateRate? = nil,
        maxRunningTasks: Int? = nil,
        models: [VideoModel] = VideoModel.builtIn,
        ark: ArkStubConfiguration = ArkStubConfiguration(),
        clock: StubClock = .system
    ) {
        self.ark = ark
        self.clock = clock
        self.models = models
        self.apiKey = apiKey
        self.taskDuration = taskDuration
        self.videoURLLifetime = videoURLLifetime
        self.taskFailureReason = taskFailureReason
        self.imageValidator = imageValidator
        self.createLimit = createLimit
        self.maxRunningTasks = maxRunningTasks
    }
}
