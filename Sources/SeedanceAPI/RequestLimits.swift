/// The provider's accepted ranges, in one place so validation, the stub and help text agree.
public enum RequestLimits {
    public static let duration: ClosedRange<Int> = 4...12
    public static let allowedFPS: [Int] = [24]
    public static let seed: ClosedRange<Int64> = -1...4_294_967_295
    public static let executionExpiresAfter: ClosedRange<Int> = 3600...259_200
    /// Longer prompts are accepted but the provider recommends against them.
    public static let recommendedPromptLength = 500
    /// Formats allowed in a `data:image/<format>;base64,` URI.
    public static let dataURIFormats: [String] = ["jpeg", "png", "webp", "bmp", "tiff", "gif"]
}
