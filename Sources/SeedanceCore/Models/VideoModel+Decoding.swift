public import Foundation

/// A model file that cannot be used, naming the key at fault.
public struct ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model file's path, or the built-in model's name.
    public var source: String
    /// Dotted key path, e.g. `fields.2.range`.
    public var key: String
    public var problem: String

    public init(source: String, key: String, problem: String) {
        self.source = source
        self.key = key
        self.problem = problem
    }

    public var description: String { "\(source): \(key): \(problem)" }
}

extension VideoModel {
    /// Decodes a model file and checks what JSON alone cannot: unknown keys, bounds, duplicates,
    /// defaults outside what a field allows.
    public static func decode(_ data: Data, source: String) throws(ModelFileError) -> VideoModel {
        let model: VideoModel
        do {
            let object = try JSONSerialization.jsonObject(with: data)
            try UnknownKeys.check(object, path: [])
            model = try JSONDecoder().decode(VideoModel.self, from: data)
        } catch let error as ModelFileError {
            throw ModelFileError(source: source, key: error.key, problem: error.problem)
        } catch let error as DecodingError {
            let (key, problem) = Self.describe(error)
            throw ModelFileError(source: source, key: key, problem: problem)
        } catch {
            throw ModelFileError(source: source, key: "top level", problem: "not valid JSON")
        }
        try model.checkConsistency(source: source)
        return model
    }

    /// The APIs a model row may be written for.
    public static let knownAPIs: Set<String> = ["novita", "ark"]

    /// Reads a model file.
    public static func load(contentsOf url: URL) throws(ModelFileError) -> VideoModel {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelFileError(source: url.path, key: "top level", problem: "cannot read the file: \(error.localizedDescription)")
        }
        return try decode(data, source: url.path)
    }

    private func checkConsistency(source: String) throws(ModelFileError) {
        func fail(_ key: String, _ problem: String) -> ModelFileError {
            ModelFileError(source: source, key: key, problem: problem)
        }
        guard !name.isEmpty else { throw fail("name", "must not be empty") }
        if let api, !Self.knownAPIs.contains(api) {
            throw fail("api", "\(api) is not one of \(Self.knownAPIs.sorted().joined(separator: ", "))")
        }
        if let wireIDs, let empty = wireIDs.first(where: { $0.value.isEmpty }) { throw fail("wire_ids.\(empty.key)", "must not be empty") }
        guard endpoint.hasPrefix("/") else { throw fail("endpoint", "must be a path starting with /, e.g. /v3/async/seedance-2.0") }
        var seen = Set<String>()
        for (index, field) in fields.enumerated() {
            let key = "fields.\(index)"
            guard !field.name.isEmpty else { throw fail("\(key).name", "must not be empty") }
            guard seen.insert(field.name).inserted else { throw fail("\(key).name", "\(field.name) is listed twice") }
            if field.range != nil {
                guard field.type == .integer else { throw fail("\(key).range", "only integer fields take a range") }
                guard field.bounds != nil else { throw fail("\(key).range", "must be [min, max] with min ≤ max") }
            }
            if let values = field.values, let wrong = values.first(where: { $0.type != field.type }) {
                throw fail("\(key).values", "\(wrong) is not of the field's type \(field.type.rawValue)")
            }
            if let value = field.default, !field.accepts(value) {
                throw fail("\(key).default", "\(value) is not allowed by the field (\(field.allowedDescription))")
            }
            if field.type == .image, field.role == nil { throw fail("\(key).role", "an image field needs role first or last") }
        }
        guard imageField(for: .first) != nil else { throw fail("fields", "no image field with role first") }
        for (index, rule) in (rules ?? []).enumerated() {
            for (name, condition) in [("when", rule.when), ("require", rule.require)] {
                if let condition, field(condition.field) == nil {
                    throw fail("rules.\(index).\(name).field", "\(condition.field) is not one of the model's fields")
                }
            }
            if rule.require == nil && rule.warn == nil { throw fail("rules.\(index)", "needs require or warn") }
        }
        guard !image.formats.isEmpty else { throw fail("image.formats", "must list at least one format") }
        guard image.sideAbove >= 0, image.sideBelow > image.sideAbove + 1 else {
            throw fail("image.side_below", "must be at least 2 more than side_above")
        }
        guard image.fileBytesBelow > 0, image.payloadBytesBelow > 0 else { throw fail("image.file_bytes_below", "byte limits must be positive") }
        for (resolution, row) in outputSizes {
            for (ratio, size) in row where size.width <= 0 || size.height <= 0 {
                throw fail("output_sizes.\(resolution).\(ratio)", "sizes must be positive")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> (key: String, problem: String) {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.isEmpty ? "top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return (path(context, key), "is required but missing")
        case .typeMismatch(let type, let context): return (path(context), "has the wrong type (expected \(type))")
        case .valueNotFound(let type, let context): return (path(context), "is null (expected \(type))")
        case .dataCorrupted(let context): return (path(context), context.debugDescription)
        @unknown default: return ("top level", "unreadable")
        }
    }
}

/// Refuses keys the model shape does not have, so a typo (`rnage`) is an error, not a silent no-op.
private enum UnknownKeys {
    static let model: Set<String> = ["name", "summary", "endpoint", "fields", "rules", "image", "output_sizes", "price", "api", "wire_ids"]
    static let field: Set<String> = ["name", "type", "range", "values", "required", "default", "recommended_max_length", "role", "summary"]
    static let rule: Set<String> = ["when", "require", "warn"]
    static let condition: Set<String> = ["field", "equals"]
    static let image: Set<String> = [
        "formats", "side_above", "side_below", "aspect_above", "aspect_below", "file_bytes_below", "payload_bytes_below",
    ]
    static let price: Set<String> = ["usd_per_million_tokens_with_audio", "usd_per_million_tokens_silent", "flex_factor"]

    static func check(_ object: Any, path: [String]) throws(ModelFileError) {
        guard let top = object as? [String: Any] else { return }
        try keys(top, model, path)
        for (index, field) in (top["fields"] as? [Any] ?? []).enumerated() {
            try keys(field, Self.field, ["fields", "\(index)"])
        }
        for (index, rule) in (top["rules"] as? [Any] ?? []).enumerated() {
            try keys(rule, Self.rule, ["rules", "\(index)"])
            for name in ["when", "require"] {
                if let condition = (rule as? [String: Any])?[name] { try keys(condition, Self.condition, ["rules", "\(index)", name]) }
            }
        }
        if let image = top["image"] { try keys(image, Self.image, ["image"]) }
        if let price = top["price"] { try keys(price, Self.price, ["price"]) }
    }

    private static func keys(_ object: Any, _ allowed: Set<String>, _ path: [String]) throws(ModelFileError) {
        guard let dictionary = object as? [String: Any] else { return }
        if let unknown = dictionary.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ModelFileError(
                source: "", key: (path + [unknown]).joined(separator: "."),
                problem: "unknown key (allowed here: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
