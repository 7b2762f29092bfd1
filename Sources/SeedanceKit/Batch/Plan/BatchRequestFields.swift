public import SeedanceAPI

/// The model's request fields as a manifest sees them: their types, their defaults for the
/// estimate, and how typed values become a ``GenerationRequest``.
///
/// The one place that knows Seedance 1.5 Pro's field list for batches; when models become data
/// this reads the model's field table instead.
public enum BatchRequestFields {
    /// Every request field a manifest line may set, by its API name, with its type.
    public static let types: [String: ManifestValue.FieldType] = [
        "prompt": .string, "duration": .integer, "resolution": .string, "ratio": .string, "fps": .integer,
        "seed": .integer, "watermark": .bool, "camera_fixed": .bool, "service_tier": .string,
        "generate_audio": .bool, "execution_expires_after": .integer,
    ]

    /// The names ``ManifestReader`` accepts besides the manifest's own keys.
    public static var names: Set<String> { Set(types.keys) }

    /// The provider's defaults where a line and the command line are silent (for the estimate).
    public static let defaultDuration = 5
    public static let defaultResolution = Resolution.p720

    /// The request `fields` (already typed) ask for, with a stand-in image; one error per value
    /// the API would not take, naming `line`, the key and the value.
    public static func request(from fields: [String: ManifestValue], line: Int) -> (GenerationRequest, [ManifestError]) {
        var request = GenerationRequest(image: "")
        var errors: [ManifestError] = []
        func bad(_ key: String, _ value: ManifestValue, _ expected: String) {
            errors.append(ManifestError(.invalidValue, line: line, key: key, value: "\(value)", "expected \(expected), got \(value)"))
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where value != .null {
            switch key {
            case "prompt": request.prompt = value.stringValue
            case "duration": request.duration = value.integerValue
            case "fps": request.fps = value.integerValue
            case "seed": request.seed = value.integerValue.map(Int64.init)
            case "execution_expires_after": request.executionExpiresAfter = value.integerValue
            case "watermark": request.watermark = value.boolValue
            case "camera_fixed": request.cameraFixed = value.boolValue
            case "generate_audio": request.generateAudio = value.boolValue
            case "resolution":
                guard let resolution = value.stringValue.flatMap(Resolution.init(rawValue:)) else {
                    bad(key, value, Resolution.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                request.resolution = resolution
            case "ratio":
                guard let ratio = value.stringValue.flatMap(AspectRatio.init(rawValue:)) else {
                    bad(key, value, AspectRatio.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                request.ratio = ratio
            case "service_tier":
                guard let tier = value.stringValue.flatMap(ServiceTier.init(rawValue:)) else {
                    bad(key, value, ServiceTier.allCases.map(\.rawValue).joined(separator: " or "))
                    continue
                }
                request.serviceTier = tier
            default:
                continue
            }
        }
        if errors.isEmpty {
            var probe = request
            // The fields' own rules; the frames are checked from their headers apart.
            probe.image = "https://example.invalid/frame.jpg"
            do {
                _ = try probe.validate()
            } catch {
                errors.append(ManifestError(.invalidValue, line: line, key: error.field, value: nil, error.description))
            }
        }
        return (request, errors)
    }
}

extension ManifestValue {
    /// The value after typing as an integer field; nil otherwise.
    var integerValue: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The value after typing as a boolean field; nil otherwise.
    var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }
}
