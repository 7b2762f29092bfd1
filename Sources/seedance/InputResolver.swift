import Foundation
import FrameKit
import SeedanceKit

/// Turns a FIRST/LAST argument into an input: a path, `-` for stdin, a `data:` URI, or an
/// http(s) URL fetched here with the fetcher's caps.
struct InputResolver {
    var allowsPrivateURLs: Bool
    var maxBytes: Int

    enum Resolved {
        case input(ImageInput)
        case failed(FrameError)
    }

    func resolve(_ argument: String) async -> Resolved {
        // One reading of the argument for every command: SeedanceKit's.
        let url: URL
        switch FrameSource(argument: argument) {
        case .image(let input): return .input(input)
        case .url(let parsed): url = parsed
        }
        let configuration = RemoteImageFetcher.Configuration(maxBytes: maxBytes, allowsPrivateAddresses: allowsPrivateURLs)
        do {
            let fetched = try await RemoteImageFetcher(configuration: configuration).fetch(url)
            return .input(.bytes(fetched.data, name: argument, declaredType: fetched.declaredType))
        } catch {
            let kind: FrameError.Kind = error.kind == .tooLarge ? .inputTooLarge : .unreadable
            return .failed(FrameError(kind, CommandLineAdvice.withAdvice(error.message, for: error), source: argument))
        }
    }
}
