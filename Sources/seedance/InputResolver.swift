import FrameKit
import Foundation
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

    static func isURL(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    func resolve(_ argument: String) async -> Resolved {
        if argument == "-" { return .input(.standardInput) }
        if argument.hasPrefix("data:") { return .input(.dataURI(argument)) }
        guard Self.isURL(argument) else { return .input(.file(argument)) }
        guard let url = URL(string: argument) else {
            return .failed(FrameError(.unreadable, "not a valid URL", source: argument))
        }
        let configuration = RemoteImageFetcher.Configuration(maxBytes: maxBytes, allowsPrivateAddresses: allowsPrivateURLs)
        do {
            let fetched = try await RemoteImageFetcher(configuration: configuration).fetch(url)
            return .input(.bytes(fetched.data, name: argument, declaredType: fetched.declaredType))
        } catch {
            let kind: FrameError.Kind = error.kind == .tooLarge ? .inputTooLarge : .unreadable
            return .failed(FrameError(kind, error.message, source: argument))
        }
    }
}
