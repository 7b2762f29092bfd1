import FrameKit
import Foundation
public import SeedanceAPI
import SeedanceKit

/// The stand-in judges images as strictly as the provider's rules say: it decodes them with
/// FrameKit and applies the model's image rules, mapping each broken rule to the provider's reason.
public enum FrameRulesValidator {
    /// The default model's rules (FrameKit's defaults: a test holds them equal).
    public static let validate: ImageValidator = judging(.seedance)

    /// A judge with `model`'s image rules.
    public static func validating(_ model: VideoModel) throws(ModelFileError) -> ImageValidator {
        judging(try ModelCatalog.policy(for: model))
    }

    private static func judging(_ policy: Policy) -> ImageValidator {
        { data in judge(data, policy: policy) }
    }

    private static func judge(_ data: Data, policy: Policy) -> ImageVerdict? {
        let input = ImageInput.bytes(data, name: "upload")
        let report: ImageReport
        do {
            report = try FrameInspector(policy: policy).inspect(input)
        } catch {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "image could not be read: \(error)")
        }
        let violations = RuleChecker(policy: policy).findings(for: report).filter { $0.severity == .violation }
        if let violation = violations.first {
            let reason = switch violation.rule {
            case .format, .unreadable, .colourSpace: "INVALID_IMAGE_FORMAT"
            case .fileSize, .payloadSize: "IMAGE_FILE_EXCEEDS_MAX_SIZE"
            case .tooLargeToDecode: "IMAGE_EXCEEDS_MAX_RESOLUTION"
            default: "INVALID_IMAGE_SIZE"
            }
            return ImageVerdict(reason: reason, message: violation.message)
        }
        do {
            // Compliant headers over broken pixels are refused too: decode the whole frame.
            _ = try FrameFixer(policy: policy).prepare(input, role: .first)
        } catch {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "image pixel data is invalid: \(error)")
        }
        return nil
    }
}
