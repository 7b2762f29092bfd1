/// The one place the version is written: `seedance --version`, `seedance-stub --version` and the
/// `User-Agent` of every request this package sends.
public enum SeedanceVersion {
    public static let current = "0.4.0"

    /// `seedance/<version>`, for the `User-Agent` header.
    public static var userAgent: String { "seedance/\(current)" }
}
