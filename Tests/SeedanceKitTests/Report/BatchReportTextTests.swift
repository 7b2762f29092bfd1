import Foundation
import Testing

@testable import SeedanceKit

/// The report's pure parts: escaping and relative links.
@Suite struct BatchReportTextTests {
    static let escaping: [(String, String)] = [
        ("plain", "plain"),
        ("a<b>c", "a&lt;b&gt;c"),
        ("&amp;", "&amp;amp;"),
        (#""q" 'a'"#, "&quot;q&quot; &#39;a&#39;"),
        ("bell\u{7}nul\u{0}", "bell\u{FFFD}nul\u{FFFD}"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("crop 300×400 → é", "crop 300×400 → é"),
    ]

    @Test(arguments: escaping) func escapes(_ example: (text: String, escaped: String)) {
        #expect(HTMLText.escape(example.text) == example.escaped)
    }

    static let paths: [(String, String, String)] = [
        ("/r/report", "/r/report/thumbs/a.jpg", "thumbs/a.jpg"),
        ("/r/report", "/r/videos/a.mp4", "../videos/a.mp4"),
        ("/r/report", "/other/v.mp4", "../../other/v.mp4"),
        ("/r/report/", "/r/report/x/../v.mp4", "v.mp4"),
    ]

    @Test(arguments: paths) func relativePaths(_ example: (base: String, target: String, relative: String)) {
        #expect(RelativePath.from(URL(fileURLWithPath: example.base), to: URL(fileURLWithPath: example.target)) == example.relative)
    }

    static let hrefs: [(String, String)] = [
        ("../videos/a.mp4", "../videos/a.mp4"),
        ("../videos/a b#1?.mp4", "../videos/a%20b%231%3F.mp4"),
        ("http:x/y.mp4", "http%3Ax/y.mp4"),
        ("../100%.mp4", "../100%25.mp4"),
    ]

    @Test(arguments: hrefs) func hrefsAreEncodedPerComponent(_ example: (path: String, href: String)) {
        #expect(RelativePath.href(example.path) == example.href)
    }
}
