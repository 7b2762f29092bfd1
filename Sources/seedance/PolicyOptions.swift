import ArgumentParser
import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

/// The model's frame rules, overridable so an upstream change needs no new release. Unset
/// options keep the chosen model's values (see `seedance models`).
struct PolicyOptions: ParsableArguments {
    @Option(help: "Each side must be above this many pixels (default: the model's).")
    var sideAbove: Int?
    @Option(help: "Each side must be below this many pixels (default: the model's).")
    var sideBelow: Int?
    @Option(help: "Width/height must be above this, e.g. 0.4 or 2/5 (default: the model's).")
    var aspectAbove: String?
    @Option(help: "Width/height must be below this, e.g. 2.5 or 5/2 (default: the model's).")
    var aspectBelow: String?
    @Option(help: "The file must be under this many bytes (default: the model's).")
    var maxFileBytes: Int?
    @Option(help: "The base64 data URI must be under this many bytes (default: the model's).")
    var maxPayloadBytes: Int?
    @Option(help: "Safety limit: refuse to decode frames with more pixels than this.")
    var maxPixels = Policy.seedance.maxPixels
    @Option(help: "Safety limit: the most bytes read from stdin, a URL or a data URI.")
    var maxInputBytes = Policy.seedance.maxInputBytes
    @Flag(name: .customLong("allow-private-urls"), help: "Fetch URLs that resolve to loopback, private or link-local addresses.")
    var allowPrivateURLs = false

    mutating func validate() throws {
        for text in [aspectAbove, aspectBelow].compactMap({ $0 }) where AspectRatio(text) == nil {
            throw ValidationError("--aspect-above and --aspect-below take a ratio such as 0.4, 2/5 or 16:9, not '\(text)'")
        }
        if let sideAbove, sideAbove <= 0 { throw ValidationError("--side-above must be positive") }
        if let sideAbove, let sideBelow, sideBelow <= sideAbove + 1 {
            throw ValidationError("--side-below (\(sideBelow)) must be at least 2 more than --side-above (\(sideAbove))")
        }
        guard [maxFileBytes ?? 1, maxPayloadBytes ?? 1, maxPixels, maxInputBytes].allSatisfy({ $0 > 0 }) else {
            throw ValidationError("byte and pixel limits must be positive")
        }
    }

    /// `model`'s rules with these overrides.
    func policy(for model: VideoModel) throws(ModelFileError) -> Policy {
        policy(over: try ModelCatalog.policy(for: model))
    }

    /// The chosen model's rules (resolved with it) with these overrides.
    func policy(for option: ModelOption) -> Policy {
        policy(over: option.policy)
    }

    private func policy(over base: Policy) -> Policy {
        var policy = base
        policy.sideAbove = sideAbove ?? policy.sideAbove
        policy.sideBelow = sideBelow ?? policy.sideBelow
        policy.aspectAbove = aspectAbove.flatMap(AspectRatio.init) ?? policy.aspectAbove
        policy.aspectBelow = aspectBelow.flatMap(AspectRatio.init) ?? policy.aspectBelow
        policy.fileBytesBelow = maxFileBytes ?? policy.fileBytesBelow
        policy.payloadBytesBelow = maxPayloadBytes ?? policy.payloadBytesBelow
        policy.maxPixels = maxPixels
        policy.maxInputBytes = maxInputBytes
        return policy
    }

    var resolver: InputResolver {
        InputResolver(allowsPrivateURLs: allowPrivateURLs || Environment.allowsPrivateURLs, maxBytes: maxInputBytes)
    }
}

enum Environment {
    static var allowsPrivateURLs: Bool {
        ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["SEEDANCE_ALLOW_PRIVATE_URLS"]?.lowercased() ?? "")
    }
}
