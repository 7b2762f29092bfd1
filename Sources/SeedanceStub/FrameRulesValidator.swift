import FrameKit
import Foundation

/// The stand-in judges images as strictly as the provider's rules say: it decodes them with
/// FrameKit and applies the same policy, mapping each broken rule to the provider's reason.
public enum FrameRulesValidator {
    public static let validate: ImageValidator = { data in
        let input = ImageInput.bytes(data, name: "upload")
        let report: ImageReport
        do {
            report = try FrameInspector().inspect(input)
        } catch {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "image could not be read: \(error)")
        }
        let violations = RuleChecker().findings(for: report).filter { $0.severity == .violation }
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
            _ = try FrameFixer().prepare(input, role: .first)
        } catch {
            return ImageVerdict(reason: "INVALID_IMAGE_FORMAT", message: "image pixel data is invalid: \(error)")
        }
        return nil
    }
}
