import Foundation
import SeedanceAPI
import SeedanceKit

/// Manifests for report tests: frames that pass, frames `fix` crops or turns, and lines that
/// fail their checks in different ways, so every kind of row appears.
enum ReportManifests {
    /// Text that breaks markup unless it is escaped.
    /// (No slash: an id names a file.)
    static let hostile = #"<i>&amp;"quoted"&'apos'<script>alert(1)"#

    /// `valid` good lines from ``BatchManifestFixtures``, then one line each: a wrong type, a
    /// missing file, a URL frame, a line that is not JSON, and an id and prompt full of markup.
    static func mixed(valid: Int) -> [String] {
        BatchManifestFixtures.lines(valid) + [
            #"{"id": "wrong-type", "first": "\#(TestPaths.fixture("good-first.jpg"))", "prompt": "p", "duration": "long"}"#,
            #"{"id": "no-file", "first": "\#(TestPaths.fixture("no-such-frame.jpg"))", "prompt": "p"}"#,
            #"{"id": "remote", "first": "https://example.invalid/frame.jpg", "prompt": "p"}"#,
            #"{"id": "broken", "first": "#,
            json(["id": hostile, "first": TestPaths.fixture("alpha.png"), "prompt": hostile]),
        ]
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// Reads and plans `lines` written into `folder` (videos go to `folder/videos`).
    static func plan(_ lines: [String], in folder: URL) throws -> (Manifest, BatchPlan) {
        let path = try BatchManifestFixtures.write(lines, to: folder)
        let manifest = try ManifestReader(requestFields: BatchRequestFields.names(of: VideoModel.builtIn)).read(
            contentsOf: URL(fileURLWithPath: path))
        let planner = BatchPlanner(defaults: ["resolution": .string("480p")], outputDirectory: folder.appendingPathComponent("videos"))
        return (manifest, planner.plan(manifest))
    }
}
