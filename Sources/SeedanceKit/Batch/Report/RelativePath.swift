import Foundation

/// Paths between files of a report's folder and the files it links, so the folder can be
/// moved along with what it points to and still open offline.
enum RelativePath {
    /// `target` as seen from the folder `base`, with `/` separators (`../videos/a.mp4`).
    static func from(_ base: URL, to target: URL) -> String {
        let from = base.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// A relative path as an `href`/`src` value: every component percent-encoded, so a name
    /// with `#`, `?`, `%`, `:` or a space still points at the file (and never reads as a scheme).
    static func href(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { component in
            component == ".." || component == "."
                ? String(component)
                : String(component).addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }.joined(separator: "/")
    }

    /// RFC 3986's unreserved characters: nothing else is left as is.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
