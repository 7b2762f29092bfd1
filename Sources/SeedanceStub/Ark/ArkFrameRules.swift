public import SeedanceCore

/// The contract's Rule for Ark frames, the same as novita's: each side 301–5999 px,
/// 0.4 < w/h < 2.5 strictly, the six formats, the data URI and its decoded file each under
/// 30,000,000 bytes. Written here from the contract, not read from the client's model data.
public enum ArkFrameRules {
    public static let rules = ImageRules(
        formats: ["jpeg", "png", "webp", "bmp", "tiff", "gif"], sideAbove: 300, sideBelow: 6000,
        aspectAbove: "2:5", aspectBelow: "5:2", fileBytesBelow: 30_000_000, payloadBytesBelow: 30_000_000)

    /// Judges decoded bytes with the stand-in's own header readers.
    public static let validate: ImageValidator = { bytes, declaredFormat in
        FrameRules(rules).judge(bytes, declaredFormat: declaredFormat)
    }
}
