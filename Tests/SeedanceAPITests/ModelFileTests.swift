import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// A user's model file: the built-in shape round-trips, and every mistake names its key.
@Suite struct ModelFileTests {
    private func json(_ model: VideoModel) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(model)) as? [String: Any])
    }

    private func decode(_ object: [String: Any]) throws(ModelFileError) -> VideoModel {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try VideoModel.decode(data, source: "user.json")
    }

    @Test func builtInModelsRoundTripThroughTheFileShape() throws {
        for model in VideoModel.builtIn {
            #expect(try decode(try json(model)) == model)
        }
        #expect(VideoModel.builtIn.map(\.name) == ["seedance-v1.5-pro", "seedance-2.0"])
    }

    /// `object` with the value at `path` (dictionary keys, or array indices as text) replaced; nil removes it.
    private static func setting(_ path: ArraySlice<String>, to value: Any?, in object: Any) -> Any? {
        guard let key = path.first else { return value }
        if var array = object as? [Any], let index = Int(key) {
            array[index] = setting(path.dropFirst(), to: value, in: array[index]) as Any
            return array
        }
        var dictionary = object as? [String: Any] ?? [:]
        dictionary[key] = setting(path.dropFirst(), to: value, in: dictionary[key] as Any)
        return dictionary
    }

    /// Each mistake: where it is made, what is put there, and the key the error must name.
    static let mistakes: [(path: String, json: String?, key: String)] = [
        ("fields.3.rnage", "[1, 2]", "fields.3.rnage"),
        ("fields.3.range", "[12, 4]", "fields.3.range"),
        ("fields.4.default", "\"4k\"", "fields.4.default"),
        ("endpoint", nil, "endpoint"),
        ("image.side_above", "\"300\"", "image.side_above"),
        ("output_sizes.720p.16:9", "[1280, 720, 3]", "output_sizes.720p.16:9"),
        ("rules", #"[{"when": {"field": "colour"}, "warn": "x"}]"#, "rules.0.when.field"),
        ("image.formats", #"["jpeg", "heic2"]"#, "image.formats.1"),
    ]

    @Test(arguments: mistakes.indices)
    func aBadKeyIsRefusedNamingIt(index: Int) throws {
        let (path, json, key) = Self.mistakes[index]
        let value = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        let broken = try #require(
            Self.setting(path.split(separator: ".").map(String.init)[...], to: value, in: try self.json(.defaultModel)) as? [String: Any])
        do {
            let model = try decode(broken)
            _ = try Policy(model.image, model: model.name)
            Issue.record("accepted a model with a bad \(key)")
        } catch {
            #expect(error.key.hasPrefix(key), "\(error)")
            #expect(error.description.contains(key))
        }
    }
}
