import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

/// Renders the preview sheet and writes it atomically: `preview` and `check --preview` share it.
struct PreviewSheetWriter {
    var submitter: VideoSubmitter
    var command: String

    /// A frame as the command has it: an argument not read yet, or bytes it already has in hand
    /// (`check` fetched the URL): those are not fetched or read again.
    enum Frame {
        case argument(String)
        case resolved(ResolvedFrame)

        var source: FrameSource {
            switch self {
            case .argument(let argument): FrameSource(argument: argument)
            case .resolved(let resolved): resolved.source
            }
        }
    }

    /// Renders and writes; returns the sheet. Library failures are printed and become their exit
    /// code (2 unusable input, 64 a bad value, 74 the sheet cannot be written).
    func write(first: Frame, last: Frame?, parameters: ValidatedParameters, to output: String) async throws -> PreviewSheet {
        let destination = URL(fileURLWithPath: output)
        let inputs = [first, last].compactMap { $0?.source }.compactMap { source -> String? in
            if case .image(.file(let path)) = source { path } else { nil }
        }
        if inputs.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == destination.resolvingSymlinksInPath().path }) {
            Terminal.diagnostic("\(command): \(output) is an input; choose another --output so the original is never replaced")
            throw ExitStatus.usage.exitCode
        }
        do {
            let clock = ContinuousClock()
            let start = clock.now
            let firstFrame = try await resolve(first, role: .first)
            let lastFrame: ResolvedFrame? = if let last { try await resolve(last, role: .last) } else { nil }
            let sheet = try await submitter.previewSheet(first: firstFrame, last: lastFrame, parameters: parameters)
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

extension PreviewSheetWriter {
    /// The frame's bytes in hand: fetched or read now unless the command already has them.
    fileprivate func resolve(_ frame: Frame, role: FrameRole) async throws -> ResolvedFrame {
        switch frame {
        case .argument(let argument): try await submitter.resolve(FrameSource(argument: argument), role: role)
        case .resolved(let resolved): resolved
        }
    }
}
