/// One video model as data: where to send it, which fields it takes and what they allow, the
/// rules for its frames, the video sizes it renders and (when known) its price.
///
/// Built-in models and a user's `--model FILE.json` share this shape, so a retired or new model
/// is a data change, not a release. Load files through ``VideoModel/decode(_:)``, which checks
/// the shape and names the offending key.
public struct VideoModel: Sendable, Hashable, Codable {
    /// A video's pixel size, written `[width, height]` in model files.
    public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
        public var width: Int
        public var height: Int

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            width = try container.decode(Int.self)
            height = try container.decode(Int.self)
            guard container.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a size is [width, height]")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(width)
            try container.encode(height)
        }

        public var description: String { "\(width)×\(height)" }
    }

    /// The name users pass to `--model`, e.g. `seedance-v1.5-pro`.
    public var name: String
    public var summary: String?
    /// The create call's path on the provider, e.g. `/v3/async/seedance-v1.5-pro-i2v`.
    public var endpoint: String
    /// The API the fields are written for: `novita` (nil) or `ark` (BytePlus ModelArk and
    /// Volcengine Ark, whose bodies carry the frames in `content[]`).
    public var api: String?
    /// The id each provider knows the model by (`{"byteplus": "dreamina-seedance-2-0-260128"}`);
    /// an Ark endpoint id (`ep-…`) works too. nil where the name is the id (novita's paths).
    public var wireIDs: [String: String]?
    /// Every field the create call takes, in body order.
    public var fields: [FieldRule]
    public var rules: [ModelRule]?
    public var image: ImageRules
    /// Output pixel sizes by resolution name, then ratio name.
    public var outputSizes: [String: [String: PixelSize]]
    /// nil: no price is known, and estimates must say so.
    public var price: PriceTable?

    public init(
        name: String, summary: String? = nil, endpoint: String, fields: [FieldRule], rules: [ModelRule]? = nil,
        image: ImageRules, outputSizes: [String: [String: PixelSize]], price: PriceTable? = nil, api: String? = nil,
        wireIDs: [String: String]? = nil
    ) {
        self.name = name
        self.summary = summary
        self.endpoint = endpoint
        self.api = api
        self.wireIDs = wireIDs
        self.fields = fields
        self.rules = rules
        self.image = image
        self.outputSizes = outputSizes
        self.price = price
    }

    enum CodingKeys: String, CodingKey {
        case name, summary, endpoint, fields, rules, image, price, api
        case outputSizes = "output_sizes"
        case wireIDs = "wire_ids"
    }

    /// The API a model row is written for when it names none.
    public static let defaultAPI = "novita"

    /// The API this row is written for.
    public var apiName: String { api ?? Self.defaultAPI }

    /// The fields that carry the video's resolution and ratio, by convention.
    public static let resolutionField = "resolution"
    public static let ratioField = "ratio"

    /// The resolution the provider renders when none is sent; when nobody documents it, the
    /// largest in the table, so frames are never sized below what the video might show.
    public var defaultResolution: String? {
        if let value = field(Self.resolutionField)?.default?.stringValue { return value }
        return outputSizes.max { lhs, rhs in
            (lhs.value.values.map { $0.width * $0.height }.max() ?? 0) < (rhs.value.values.map { $0.width * $0.height }.max() ?? 0)
        }?.key
    }

    public func field(_ name: String) -> FieldRule? {
        fields.first { $0.name == name }
    }

    /// The `image` field that carries `role`'s frame.
    public func imageField(for role: FieldRule.FrameRole) -> FieldRule? {
        fields.first { $0.type == .image && $0.role == role }
    }

    /// The output sizes at `resolution` for `ratio`: one size for a ratio the table lists, every
    /// size of the resolution otherwise (e.g. `adaptive`, where the video follows the first
    /// frame). Empty when the resolution is not in the table.
    public func outputSizes(resolution: String?, ratio: String?) -> [PixelSize] {
        guard let chosen = resolution ?? defaultResolution, let row = outputSizes[chosen] else { return [] }
        if let ratio, let size = row[ratio] { return [size] }
        return row.keys.sorted().compactMap { row[$0] }
    }
}
