/// A change only the caller can make to get past a finding, named by what it changes rather than
/// by any one interface's control: a library caller maps it to its own settings, a command line
/// to its flags. Messages never name a control; this says which one applies.
public enum Remedy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Raise the safety limit on decoded pixels (``Policy/maxPixels``).
    case raisePixelLimit = "raise_pixel_limit"
    /// Reach the aspect by padding instead of cropping (``FixOptions/Framing/pad(_:)``).
    case padInsteadOfCrop = "pad_instead_of_crop"
    /// Choose what transparency is flattened onto (``FixOptions/background``), or keep it
    /// (``FixOptions/keepAlpha``).
    case chooseBackgroundOrKeepAlpha = "choose_background_or_keep_alpha"
}
