/// How the stand-in's Ark mode behaves (BytePlus ModelArk and Volcengine Ark, one API under
/// `/api/v3`; ../shared/providers-ark.md). Everything a test needs to avoid waiting is here:
/// tasks advance by polls, not by time, and the List window can be shortened or switched off.
public struct ArkStubConfiguration: Sendable {
    /// The key accepted in `Authorization: Bearer <key>`; nil: the novita key of
    /// ``StubConfiguration/apiKey``, so one stub and one key serve every provider.
    public var apiKey: String?
    /// Retrieves that answer `queued` before a task starts running (0: it never looks queued to
    /// a retrieve; List shows `queued` until the first retrieve).
    public var queuedPolls: Int
    /// Retrieves that answer `running` before the task ends.
    public var runningPolls: Int
    /// List calls accepted per ``listWindow`` (the contract: 1 per second).
    public var listCallsPerWindow: Int
    /// The List rate window; `.zero` switches the List limit off (tests that list often).
    public var listWindow: Duration
    /// At most this many tasks `queued` at once per account; beyond, 429 `QuotaExceeded`
    /// ("The request has exceeded the quota"). The contract: 120. Running tasks do not count.
    public var maxQueuedTasks: Int
    /// Creates accepted per window per model (as sent in `model`); beyond, 429
    /// `ModelAccountRpmRateLimitExceeded`. nil: no limit.
    public var createRate: StubLimits.CreateRate?
    /// Judges decoded frames; the stand-in's own header readers and the contract's Rule by default.
    public var imageValidator: ImageValidator
    /// When true, `queued` and `running` bodies carry only id, model, status, times, tier and
    /// threshold (the callback example of [BP-T]); by default every echo is present at every
    /// status, so a client can match tasks it lists.
    public var sparseUnfinishedBodies: Bool
    public var faults: ArkStubFaults

    public init(
        apiKey: String? = nil,
        queuedPolls: Int = 1,
        runningPolls: Int = 1,
        listCallsPerWindow: Int = 1,
        listWindow: Duration = .seconds(1),
        maxQueuedTasks: Int = 120,
        createRate: StubLimits.CreateRate? = nil,
        imageValidator: @escaping ImageValidator = ArkFrameRules.validate,
        sparseUnfinishedBodies: Bool = false,
        faults: ArkStubFaults = ArkStubFaults()
    ) {
        self.apiKey = apiKey
        self.queuedPolls = queuedPolls
        self.runningPolls = runningPolls
        self.listCallsPerWindow = listCallsPerWindow
        self.listWindow = listWindow
        self.maxQueuedTasks = maxQueuedTasks
        self.createRate = createRate
        self.imageValidator = imageValidator
        self.sparseUnfinishedBodies = sparseUnfinishedBodies
        self.faults = faults
    }
}

/// Which creates a fault hits.
public enum ArkFaultTrigger: Sendable, Hashable {
    /// The Nth, 2Nth, … create the fault could apply to (1: every one).
    case every(Int)
    /// Creates whose text item contains this marker.
    case promptContains(String)
}

/// How an answer is lost after its task was created.
public enum ArkLostAnswer: Sendable, Hashable {
    /// The connection is closed without an answer.
    case dropConnection
    /// 500 `InternalServiceError`, though the task exists.
    case internalServiceError
}

/// The misbehaviours of the contract that a client must survive, each off by default.
public struct ArkStubFaults: Sendable, Hashable {
    /// 2.x creates with at least one image refused with 400
    /// `InputImageSensitiveContentDetected.PrivacyInformation` on the first image (`content[1]`
    /// when the text comes first); no task is created. Counted among valid 2.x creates with images
    /// that passed the limits.
    public var faceRefusal: ArkFaultTrigger?
    /// Tasks with `generate_audio` true (the contract's default when absent) end `failed` with
    /// `OutputAudioSensitiveContentDetected` after running. Counted among such tasks.
    public var audioModerationFailure: ArkFaultTrigger?
    /// Creates whose task is created but whose answer is lost. Counted among created tasks.
    public var lostAnswer: ArkFaultTrigger?
    public var lostAnswerMode: ArkLostAnswer
    /// Tasks that end `expired` instead of running (as if `execution_expires_after` passed while
    /// queued). Counted among created tasks.
    public var expiry: ArkFaultTrigger?

    public init(
        faceRefusal: ArkFaultTrigger? = nil,
        audioModerationFailure: ArkFaultTrigger? = nil,
        lostAnswer: ArkFaultTrigger? = nil,
        lostAnswerMode: ArkLostAnswer = .dropConnection,
        expiry: ArkFaultTrigger? = nil
    ) {
        self.faceRefusal = faceRefusal
        self.audioModerationFailure = audioModerationFailure
        self.lostAnswer = lostAnswer
        self.lostAnswerMode = lostAnswerMode
        self.expiry = expiry
    }
}

extension ArkFaultTrigger {
    /// Whether the `ordinal`-th candidate (1-based) with this prompt is hit.
    func fires(ordinal: Int, prompt: String?) -> Bool {
        switch self {
        case .every(let n): n > 0 && ordinal % n == 0
        case .promptContains(let marker): !marker.isEmpty && (prompt ?? "").contains(marker)
        }
    }
}
