/// An image format, judged by the bytes, never by the file name.
public enum ImageFormat: String, Sendable, Codable, CaseIterable, Comparable {
    case jpeg, png, webp, bmp, tiff, gif
    case heif, avif
    case jpeg2000 = "jp2k"
    case jpegXL = "jxl"
    case svg, pdf

    /// The `<fmt>` of a `data:image/<fmt>;base64,` URI, as the API wants it (lowercase).
    public var mediaSubtype: String { rawValue }

    /// The usual file extension for an output in this format.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .tiff: "tif"
        default: rawValue
        }
    }

    /// Spellings seen in file extensions and data-URI types, for saying when they disagree.
    public init?(declared text: String) {
        switch text.lowercased() {
        case "jpg", "jpeg", "jpe", "jfif", "pjpeg": self = .jpeg
        case "png", "apng": self = .png
        case "webp": self = .webp
        case "bmp", "x-ms-bmp", "x-bmp", "dib": self = .bmp
        case "tif", "tiff": self = .tiff
        case "gif": self = .gif
        case "heic", "heif", "heics", "heifs", "hif": self = .heif
        case "avif": self = .avif
        case "jp2", "j2k", "jpx", "jpm", "jp2k": self = .jpeg2000
        case "jxl": self = .jpegXL
        case "svg", "svg+xml", "svgz": self = .svg
        case "pdf": self = .pdf
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How the pixels are coded, as far as the rules and the fixer care.
public enum ColourSpace: String, Sendable, Codable {
    case srgb, grey, cmyk, lab, scrgb, other
}
