import ArgumentParser
import SeedanceAPI

extension ExitStatus {
    /// The exit status for a failure of the submit module.
    init(_ error: SeedanceError) {
        switch error.kind {
        case .missingConfiguration, .invalidConfiguration, .invalidRequest, .outputExists:
            self = .usage
        case .provider:
            self = .refused
        case .outcomeUnknown, .malformedResponse, .unreachable, .invalidDownload:
            // The task may exist and be fine; what is known is in the store and `seedance status`.
            self = .outcomeUnknown
        case .duplicateRequest:
            self = .duplicate
        case .localIO, .stateStore:
            self = .localIO
        }
    }

    /// Prints `error` on stderr and returns the exit code to throw. Errors from elsewhere are
    /// left to ArgumentParser, which reports them itself.
    static func reporting(_ error: any Error) -> any Error {
        if let error = error as? StateStoreError {
            Terminal.diagnostic("seedance: \(error)")
            return ExitStatus.localIO.exitCode
        }
        guard let error = error as? SeedanceError else { return error }
        Terminal.diagnostic("seedance: \(error)")
        return ExitStatus(error).exitCode
    }
}
