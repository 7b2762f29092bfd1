internal import Foundation
public import SeedanceCore

/// The stand-in judges frames by its own means: its own header readers (``ImageHeaderReader``)
/// and its own reading of the model's image rules, never the client's image code, so a submit
/// test cannot pass because the client and the judge share a mistake.
public enum FrameRulesValidator {
    /// The default model's rules.
    public static let validate: ImageValidator = validating(.defaultModel)

    /// A judge with `model`'s image rules.
    public static func validating(_ model: VideoModel) -> ImageValidator {
        let rules = FrameRules(model.image)
        return { bytes, declaredFormat in rules.judge(bytes, declaredFormat: declaredFormat) }
    }
}

/// A model's image rules as the stand-in reads them: every bound exclusive (the contract's
/// strict reading), aspect bounds as exact fractions compared without rounding.
struct FrameRules: Sendable {
    let formats: [String]
    let sideAbove: Int
    let sideBelow: Int
    let aspectAbove: (numerator: Int, denominator: Int)?
    let aspectBelow: (numerator: Int, denominator: Int)?

    init(_ rules: ImageRules) {
        formats = rules.formats
        sideAbove = rules.sideAbove
        sideBelow = rules.sideBelow
        aspectAbove = Self.fraction(rules.aspectAbove)
        aspectBelow = Self.fraction(rules.aspectBelow)
    }

    func judge(_ data: Data, declaredFormat: String) -> ImageVerdict? {
        let header: ImageHeader
        do {
            header = try ImageHeaderReader.read([UInt8](data))
        } catch {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "image could not be read: \(error.message)")
        }
        guard formats.contains(header.format) else {
            return ImageVerdict(
                reason: "INVALID_IMAGE_FORMAT", message: "image format must be one of \(formats.joined(separator: ", ")), got \(header.format)")
        }
        guard header.format == declaredFormat else {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "the data URI says \(declaredFormat) but the bytes are \(header.format)")
        }
        let (width, height) = (header.width, header.height)
        guard [width, height].allSatisfy({ sideAbove < $0 && $0 < sideBelow }) else {
            return ImageVerdict(
                reason: "INVALID_IMAGE_SIZE", message: "each side must be above \(sideAbove) and below \(sideBelow) px, got \(width)×\(height)")
        }
        guard let above = aspectAbove, let below = aspectBelow else {
            return ImageVerdict(reason: "INVALID_IMAGE_SIZE", message: "the model's aspect bounds are not ratios")
        }
        // above < width/height < below, cross-multiplied.
        guard width * above.denominator > height * above.numerator, width * below.denominator < height * below.numerator else {
            return ImageVerdict(
                reason: "INVALID_IMAGE_SIZE",
                message:
                    "width/height must be above \(above.numerator)/\(above.denominator) and below \(below.numerator)/\(below.denominator), got \(width)×\(height)"
            )
        }
        return nil
    }

    /// `2:5` as (2, 5).
    private static func fraction(_ text: String) -> (numerator: Int, denominator: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let numerator = Int(parts[0]), let denominator = Int(parts[1]), numerator > 0, denominator > 0 else { return nil }
        return (numerator, denominator)
    }
}
