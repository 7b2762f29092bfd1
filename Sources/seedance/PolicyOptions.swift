import ArgumentParser
import FrameKit
import Foundation

/// The API's rules, overridable so an upstream change needs no new release.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Each side must be above this many pixels.")
    var sideAbove = Policy.seedance.sideAbove
    @Option(help: "Each side must be below this many pixels.")
    var sideBelow = Policy.seedance.sideBelow
    @Option(help: "Width/height must be above this (0.4, or 2/5).")
    var aspectAbove = "0.4"
    @Option(help: "Width/height must be below this (2.5, or 5/2).")
    var aspectBelow = "2.5"
    @Option(help: "The file must be under this many bytes.")
    var maxFileBytes = Policy.seedance.fileBytesBelow
    @Option(help: "The base64 data URI must be under this many bytes.")
    var maxPayloadBytes = Policy.seedance.payloadBytesBelow
    @Option(help: "Safety limit: refuse to decode frames with more pixels than this.")
    var maxPixels = Policy.seedance.maxPixels
    @Option(help: "Safety limit: the most bytes read from stdin, a URL or a data URI.")
    var maxInputBytes = Policy.seedance.maxInputBytes
    @Flag(name: .customLong("allow-private-urls"), help: "Fetch URLs that resolve to loopback, private or link-local addresses.")
    var allowPrivateURLs = false

    mutating func validate() throws {
        guard AspectRatio(aspectAbove) != nil, AspectRatio(aspectBelow) != nil else {
            throw ValidationError("--aspect-above and --aspect-below take a ratio such as 0.4, 2/5 or 16:9")
        }
        guard sideAbove > 0, sideBelow > sideAbove + 1 else {
            throw ValidationError("--side-below (\(sideBelow)) must be at least 2 more than --side-above (\(sideAbove))")
        }
        guard maxFileBytes > 0, maxPayloadBytes > 0, maxPixels > 0, maxInputBytes > 0 else {
            throw ValidationError("byte and pixel limits must be positive")
        }
    }

    var policy: Policy {
        var policy = Policy.seedance
        policy.sideAbove = sideAbove
        policy.sideBelow = sideBelow
        policy.aspectAbove = AspectRatio(aspectAbove) ?? policy.aspectAbove
        policy.aspectBelow = AspectRatio(aspectBelow) ?? policy.aspectBelow
        policy.fileBytesBelow = maxFileBytes
        policy.payloadBytesBelow = maxPayloadBytes
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
