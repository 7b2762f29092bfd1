import Foundation
public import FrameKit
public import SeedanceAPI

/// Finds a model by name (built in) or by path (a user's JSON file), checked whole on load.
public enum ModelCatalog {
    /// A built-in model's name, or a path to a model file (anything ending in `.json` or holding a `/`).
    ///
    /// - Parameter api: the API whose built-in rows are searched first (``VideoModel/api``); a
    ///   name only another API serves resolves to that API's row, for the caller to match
    ///   against its provider (``VideoModel/apiName``).
    public static func resolve(_ nameOrPath: String?, api: String = VideoModel.defaultAPI) throws(ModelFileError) -> VideoModel {
        guard let nameOrPath else { return VideoModel.builtIn(api: api).first ?? VideoModel.defaultModel }
        let model: VideoModel
        if let builtIn = VideoModel.builtIn(named: nameOrPath, api: api) ?? VideoModel.builtInEveryAPI.first(where: { $0.name == nameOrPath }) {
            model = builtIn
        } else if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
            model = try VideoModel.load(contentsOf: URL(fileURLWithPath: nameOrPath))
        } else {
            let names = Array(Set(VideoModel.builtInEveryAPI.map(\.name))).sorted().joined(separator: ", ")
            throw ModelFileError(
                source: nameOrPath, key: "name", problem: "no built-in model has this name (built in: \(names)); or pass a FILE.json")
        }
        // FrameKit must understand the image rules, or every frame check would be wrong.
        _ = try policy(for: model)
        return model
    }

    /// The model's frame rules for FrameKit. A model built in code, not through ``resolve(_:)``,
    /// may hold rules FrameKit does not understand: that is an error naming the key, never
    /// another model's rules.
    public static func policy(for model: VideoModel) throws(ModelFileError) -> Policy {
        try Policy(model.image, model: model.name)
    }
}
