import Foundation
import SeedanceAPI
import SeedanceKit

/// Renders the preview sheet and writes it atomically: `preview` and `check --preview` share it.
struct PreviewSheetWriter {
    var submitter: VideoSubmitter
    var command: String

    /// Renders and writes; returns the sheet. Library failures are printed and become their exit
    /// code (2 unusable input, 64 a bad value, 74 the sheet cannot be written).
    func write(first: String, last: String?, parameters: GenerationParameters, to output: String) async throws -> PreviewSheet {
        let destination = URL(fileURLWithPath: output)
        let inputs = [first, last].compactMap { $0 }.filter { FrameSource(argument: $0).isLocalFile }
        if inputs.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == destination.resolvingSymlinksInPath().path }) {
            Terminal.diagnostic("\(command): \(output) is an input; choose another --output so the original is never replaced")
            throw ExitStatus.usage.exitCode
        }
        do {
            let clock = ContinuousClock()
            let start = clock.now
            let sheet = try await submitter.previewSheet(
                first: FrameSource(argument: first), last: last.map(FrameSource.init(argument:)),
                parameters: parameters)
            let writer = try AtomicFileWriter(destination: destination)
            let failure = sheet.png.withUnsafeBytes { bytes -> SeedanceError? in
                do throws(SeedanceError) {
                    try writer.write(bytes)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
            try writer.commit()
            let elapsed = clock.now - start
            Terminal.diagnostic(
                "\(command): wrote \(output) (\(sheet.layout.width)×\(sheet.layout.height), \(sheet.png.count) bytes) in "
                    + String(format: "%.2f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                    + "; nothing was sent")
            return sheet
        } catch {
            throw ExitStatus.reporting(error, command: command)
        }
    }
}

extension FrameSource {
    var isLocalFile: Bool {
        if case .image(.file) = self { true } else { false }
    }
}
