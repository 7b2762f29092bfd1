/// One image-to-video request for Seedance 1.5 Pro, field for field as the provider takes it.
///
/// Optional fields stay `nil` unless the user set them, and `nil` fields are left out of the
/// body so the provider applies its own defaults. Call ``validate()`` before sending.
public struct GenerationRequest: Sendable, Hashable {
    /// The first frame: an http(s) URL or a `data:image/<format>;base64,` URI.
    public var image: String
    /// The last frame, with the same rules as ``image``.
    public var lastImage: String?
    public var prompt: String?
    /// Seconds of video, 4 through 12.
    public var duration: Int?
    public var resolution: Resolution?
    public var ratio: AspectRatio?
    /// Frames per second; the provider accepts only 24.
    public var fps: Int?
    /// -1 (random) through 4294967295.
    public var seed: Int64?
    public var watermark: Bool?
    public var cameraFixed: Bool?
    public var serviceTier: ServiceTier?
    public var generateAudio: Bool?
    /// Seconds after creation at which the provider expires the task, 3600 through 259200.
    public var executionExpiresAfter: Int?

    public init(
        image: String,
        lastImage: String? = nil,
        prompt: String? = nil,
        duration: Int? = nil,
        resolution: Resolution? = nil,
        ratio: AspectRatio? = nil,
        fps: Int? = nil,
        seed: Int64? = nil,
        watermark: Bool? = nil,
        cameraFixed: Bool? = nil,
        serviceTier: ServiceTier? = nil,
        generateAudio: Bool? = nil,
        executionExpiresAfter: Int? = nil
    ) {
        self.image = image
        self.lastImage = lastImage
        self.prompt = prompt
        self.duration = duration
        self.resolution = resolution
        self.ratio = ratio
        self.fps = fps
        self.seed = seed
        self.watermark = watermark
        self.cameraFixed = cameraFixed
        self.serviceTier = serviceTier
        self.generateAudio = generateAudio
        self.executionExpiresAfter = executionExpiresAfter
    }
}
