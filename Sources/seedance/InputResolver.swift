import Foundation
import FrameKit
import SeedanceKit

/// Turns a FIRST/LAST argument into an input: a path, `-` for stdin, a `data:` URI, or an
/// http(s) URL fetched here with the fetcher's caps.
struct InputResolver {
    var allowsPrivateURLs: Bool
    var maxBytes: Int

    enum Resolved {
        /// The frame's bytes in hand (a URL fetched once): later steps of the command reuse them.
        case frame(ResolvedFrame)
        case failed(FrameError)
    }

    func resolve(_ argument: String) async -> Resolved {
        // One reading of the argument for every command: SeedanceKit's.
        let url: URL
        switch FrameSource(argument: argument) {
        case .image(let input):
            // Standard input can be read once: read now, so every step of the command has the bytes.
            do {
                return .frame(ResolvedFrame(local: try input.readingStandardInput(maxBytes: maxBytes)))
            } catch {
                return .failed(error)
            }
        case .url(let parsed): url = parsed
        }
        let configuration = RemoteImageFetcher.Configuration(maxBytes: maxBytes, allowsPrivateAddresses: allowsPrivateURLs)
        do {
            let fetched = try await RemoteImageFetcher(configuration: configuration).fetch(url)
            return .frame(ResolvedFrame(url: url, data: fetched.data, declaredType: fetched.declaredType))
        } catch {
            let kind: FrameError.Kind = error.kind == .tooLarge ? .inputTooLarge : .unreadable
            return .failed(FrameError(kind, CommandLineAdvice.withAdvice(error.message, for: error), source: argument))
        }
    }
}
