public import Foundation

/// Where a frame comes from. URLs are fetched by the caller (SeedanceKit), which hands the bytes
/// over as ``bytes(_:name:declaredType:)``: the image stage does no networking.
public enum ImageInput: Sendable, Hashable {
    case file(String)
    case standardInput
    case dataURI(String)
    case bytes(Data, name: String, declaredType: String? = nil)

    /// How the input is named in messages and reports; never the bytes of a data URI.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "stdin"
        case .dataURI(let text): "data:" + (DataURI.mediaType(in: text) ?? "") + ";…"
        case .bytes(_, let name, _): name
        }
    }
}

extension ImageInput {
    /// Standard input read now into bytes (at most `maxBytes`), so it can be read more than once
    /// (a preview reads each input twice: to prepare it and to draw it); other inputs unchanged.
    public func readingStandardInput(maxBytes: Int) throws(FrameError) -> ImageInput {
        guard case .standardInput = self else { return self }
        return .bytes(try LoadedInput.load(self, maxBytes: maxBytes).allBytes(), name: "stdin")
    }
}
