import ArgumentParser
import FrameKit
import SeedanceAPI
import SeedanceKit

extension ExitStatus {
    /// The one table from a library failure (or a batch's outcome, below) to an exit code; every
    /// command goes through it.
    /// nil: not a library failure (ArgumentParser's own errors and exit codes), left as is.
    init?(_ error: any Error) {
        switch error {
        case let error as SeedanceError: self.init(error.kind)
        case let error as SeedanceKitError: self.init(error.kind)
        case let error as FrameError: self.init(error.kind)
        case is RequestValidationError, is ModelFileError: self = .usage
        case is StateStoreError: self = .localIO
        case is RemoteImageFetcher.FetchError: self = .unusableInput
        default: return nil
        }
    }

    init(_ kind: SeedanceError.Kind) {
        switch kind {
        case .missingConfiguration, .invalidConfiguration, .invalidRequest, .outputExists: self = .usage
        case .provider: self = .refused
        // The task may exist and be fine; what is known is in the state store and `seedance status`.
        // Unreachable says in its message that nothing was sent.
        case .outcomeUnknown, .malformedResponse, .unreachable, .invalidDownload: self = .outcomeUnknown
        case .duplicateRequest: self = .duplicate
        case .localIO, .stateStore: self = .localIO
        }
    }

    init(_ kind: FrameError.Kind) {
        switch kind {
        // The machine, not the input: the same frame works where libvips starts.
        case .libvipsUnavailable: self = .localIO
        case .unreadable, .notAnImage, .unsupportedFormat, .tooLargeToDecode, .inputTooLarge, .corruptPixelData, .processingFailed,
            .cannotComply:
            self = .unusableInput
        }
    }

    init(_ kind: SeedanceKitError.Kind) {
        switch kind {
        case .frameNotCompliant: self = .repairable
        // A frame the image library crashed on twice is unusable as it is; nothing was sent.
        case .frameFetchFailed, .imageLibraryCrashed: self = .unusableInput
        // No worker process could be started: the machine, not the input.
        case .frameWorkerUnavailable: self = .localIO
        case .duplicateItemID, .unknownPriceWithCap: self = .usage
        case .ledgerUnavailable: self = .localIO
        }
    }

    /// How a batch run ended, as the documented exit code (the library names outcomes only).
    init(_ outcome: BatchOutcome) {
        switch outcome {
        case .succeeded: self = .success
        case .someFailed: self = .refused
        case .someOutcomeUnknown: self = .outcomeUnknown
        case .stillRunning: self = .stillRunning
        case .stoppedAtCap: self = .spendingCap
        case .localIOFailure: self = .localIO
        }
    }

    /// Prints a library failure on stderr and returns the exit code to throw; anything else is
    /// returned unchanged for ArgumentParser to report.
    static func reporting(_ error: any Error, command: String = "seedance") -> any Error {
        guard let status = ExitStatus(error) else { return error }
        Terminal.diagnostic(CommandLineAdvice.withAdvice("\(command): \(error)", for: error))
        return status.exitCode
    }
}
