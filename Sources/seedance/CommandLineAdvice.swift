import FrameKit
import SeedanceKit

/// The command line's words for what the libraries report as typed reasons: a finding's
/// ``Remedy`` and the error kinds a user can act on, phrased with this tool's flags. The
/// libraries never name a flag; this is the one place that does it for them.
enum CommandLineAdvice {
    static func text(for remedy: Remedy) -> String {
        switch remedy {
        case .raisePixelLimit: "--max-pixels raises the limit"
        case .padInsteadOfCrop: "--pad pads instead of cropping"
        case .chooseBackgroundOrKeepAlpha: "--background chooses the colour, --keep-alpha keeps transparency in PNG or WebP"
        }
    }

    /// The finding as this command line reports it: its message with the flag that acts on it.
    static func phrased(_ finding: Finding) -> Finding {
        guard let remedy = finding.remedy else { return finding }
        var phrased = finding
        phrased.message += " (\(text(for: remedy)))"
        return phrased
    }

    /// What to do about a library failure, with the flag that does it; nil when no flag helps.
    static func advice(for error: any Error) -> String? {
        switch error {
        case let error as SeedanceKitError:
            switch error.kind {
            case .frameNotCompliant: "run `seedance fix` on it, or leave out --no-fix"
            case .unknownPriceWithCap: "give its model a price (a model FILE.json with one) or drop --max-spend"
            case .frameWorkerUnavailable: "SEEDANCE_FRAME_ISOLATION=in-process prepares frames in this process instead"
            case .frameFetchFailed, .imageLibraryCrashed, .duplicateItemID, .ledgerUnavailable: nil
            }
        case let error as RemoteImageFetcher.FetchError:
            advice(for: error.kind)
        default:
            nil
        }
    }

    static func advice(for kind: RemoteImageFetcher.FetchError.Kind) -> String? {
        kind == .forbiddenAddress ? "pass --allow-private-urls (or set SEEDANCE_ALLOW_PRIVATE_URLS=1) if you mean it" : nil
    }

    /// `text` followed by the advice for `error`, when there is some.
    static func withAdvice(_ text: String, for error: any Error) -> String {
        advice(for: error).map { "\(text); \($0)" } ?? text
    }
}
