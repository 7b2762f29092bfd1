import Foundation

/// Manifests for report tests: frames that pass, frames `fix` crops or turns, and lines that
/// fail their checks in different ways, so every kind of row appears.
public enum ReportManifests {
    /// Text that breaks markup unless it is escaped.
    /// (No slash: an id names a file.)
    public static let hostile = #"<i>&amp;"quoted"&'apos'<script>alert(1)"#

    /// `valid` good lines from ``BatchManifestFixtures``, then one line each: a wrong type, a
    /// missing file, a URL frame, a line that is not JSON, and an id and prompt full of markup.
    public static func mixed(valid: Int) -> [String] {
        BatchManifestFixtures.lines(valid) + [
            #"{"id": "wrong-type", "first": "\#(TestPaths.fixture("good-first.jpg"))", "prompt": "p", "duration": "long"}"#,
            #"{"id": "no-file", "first": "\#(TestPaths.fixture("no-such-frame.jpg"))", "prompt": "p"}"#,
            #"{"id": "remote", "first": "https://example.invalid/frame.jpg", "prompt": "p"}"#,
            #"{"id": "broken", "first": "#,
            json(["id": hostile, "first": TestPaths.fixture("alpha.png"), "prompt": hostile]),
        ]
    }

    public static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }
}
