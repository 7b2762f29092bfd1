import Foundation
import FrameKit

/// The header of a worker's answer: the response, and the warnings its libvips raised for the
/// job where no frame could own them (its process diagnostics), for the caller's own.
struct FrameWorkerAnswerHeader: Codable {
    var response: FrameWorkerResponse
    var diagnostics: [String]
}

/// What a worker answers for one job: the outcome or the typed error, as the in-process call
/// would have returned or thrown it. A prepared frame's bytes travel beside the header.
enum FrameWorkerResponse: Codable {
    case compliant(ImageReport)
    case prepared(PreparedFrame)
    case frameError(FrameError)
    case kitError(SeedanceKitError)

    /// The answer for `result`, and the bytes that travel beside it.
    static func message(for result: Result<FramePreparationJob.Outcome, any Error>) -> (header: Self, data: Data) {
        switch result {
        case .success(.compliant(let report)):
            return (.compliant(report), Data())
        case .success(.prepared(var frame)):
            let bytes = frame.bytes
            frame.bytes = Data()
            return (.prepared(frame), bytes)
        case .failure(let error as FrameError):
            return (.frameError(error), Data())
        case .failure(let error as SeedanceKitError):
            return (.kitError(error), Data())
        case .failure(let error):
            // perform() throws only the two above; anything else is still said, never lost.
            return (.frameError(FrameError(.processingFailed, "\(error)")), Data())
        }
    }

    /// The outcome as the in-process call returns it, or its error thrown.
    func outcome(data: Data) throws -> FramePreparationJob.Outcome {
        switch self {
        case .compliant(let report): return .compliant(report)
        case .prepared(var frame):
            frame.bytes = data
            return .prepared(frame)
        case .frameError(let error): throw error
        case .kitError(let error): throw error
        }
    }
}
