public import Foundation

/// Manifests written into a test's folder, with frames from fixtures/ (some need fixing).
public enum BatchManifestFixtures {
    /// Frames that pass as they are, and frames `fix` repairs (orientation, panorama, alpha).
    public static let frames = ["good-first.jpg", "bad-first-sideways.jpg", "alpha.png", "accepted.png", "orientation-6.jpg"]

    /// `count` JSON lines, ids `shot-1` …, cycling through ``frames`` (every third with a last frame).
    public static func lines(_ count: Int, prompt: String = "a slow pan") -> [String] {
        (1...count).map { index in
            var object: [String: Any] = [
                "id": "shot-\(index)", "first": TestPaths.fixture(frames[(index - 1) % frames.count]),
                "prompt": "\(prompt) \(index)", "duration": 4 + index % 3,
            ]
            if index % 3 == 0 { object["last"] = TestPaths.fixture("bad-last-panorama.png") }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Writes `lines` as `name` in `folder`; returns its path.
    public static func write(_ lines: [String], to folder: URL, name: String = "shots.jsonl") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }
}
