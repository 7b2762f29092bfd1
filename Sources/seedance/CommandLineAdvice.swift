import FrameKit
import SeedanceAPI
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
        case let error as SeedanceError:
            advice(for: error)
        case let refusal as SpendingCap.Refusal:
            refusal == .unknownPrice ? "give its model a price (a model FILE.json with one) or drop --max-spend" : nil
        default:
            nil
        }
    }

    static func advice(for error: SeedanceError) -> String? {
        switch error.kind {
        case .provider(let provider):
            providerAdvice(provider)
        case .outputExists:
            "pass --force to replace it"
        case .outcomeUnknown:
            "check `seedance tasks`, then `seedance status TASK_ID`; do not submit again blindly"
        case .duplicateRequest(let earlier):
            if let taskID = earlier.taskID {
                "see it with `seedance status \(taskID)`, fetch its video again with `seedance wait \(taskID) --output FILE.mp4`, or pass --allow-duplicate to pay again on purpose"
            } else {
                "check the provider's dashboard and `seedance tasks`, or pass --allow-duplicate to pay again on purpose"
            }
        case .missingConfiguration, .invalidConfiguration, .invalidRequest, .malformedResponse, .unreachable, .localIO, .stateStore,
            .invalidDownload:
            nil
        }
    }

    /// The next step for a provider's error, by its neutral kind.
    static func providerAdvice(_ error: ProviderError) -> String {
        switch error.kind {
        case .invalidImage: "run `seedance check` on the frames, then `seedance fix`, or submit without --no-fix"
        case .invalidRequest: "a request field was refused; check the values against `seedance models` and `seedance submit --help`"
        case .illegalContent: "the provider's moderation refused the prompt or an image; change them"
        case .missingAPIKey, .invalidAPIKey:
            "check the provider's API key (" + ProviderRegistry.all.map { "\($0.apiKeyVariable) for \($0.id)" }.joined(separator: ", ") + ")"
        case .notAllowed: "this key may not use this model or feature; check the account's access with the provider"
        case .rateLimited: "too many requests; wait a minute and try again"
        case .insufficientBalance: "top up the account's balance, then try again"
        case .taskNotFound: "check the task id; `seedance tasks` lists the ones this machine submitted"
        case .notFound: "check --base-url / SEEDANCE_BASE_URL"
        case .serverFailure: "the provider failed; try again later"
        case .modelUnavailable: "the model is not open to this account or was retired; `seedance models` lists the others"
        case .queueFull: "the account's queue is full; wait for its queued tasks to finish, then send again"
        case .accountStopped: "the account cannot create tasks now; check its balance, access and limits in the provider's console"
        case .unknown:
            error.httpStatus == 403
                ? "the video URL has expired or is refused; run `seedance wait` again for a fresh one" : "see the provider's message"
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
