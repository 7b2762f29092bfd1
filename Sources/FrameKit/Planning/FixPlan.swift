/// What `fix` will do to one frame, decided before any pixel is touched. No steps means the
/// input passes through byte for byte.
///
/// The plan is the program: its steps are in the order libvips runs them (decode, orientation,
/// colour, alpha, crop or pad, the final resize, encode), and the renderer executes exactly these
/// steps in this order, so what `check` prints is what `fix` does.
public struct FixPlan: Sendable, Hashable, Codable {
    public enum Action: Sendable, Hashable, Codable {
        /// Decode at 1/`factor` of the size (JPEG 2, 4, 8; WebP any): the load itself.
        case shrinkOnLoad(factor: Int)
        case firstPage(of: Int)
        case autorotate(orientation: Int)
        case convertToSRGB(from: ColourSpace, bits: Int, viaEmbeddedProfile: Bool)
        case flatten(onto: RGBColour)
        /// Keep `width`×`height` of the picture, in the input's displayed pixels (after a
        /// shrink-on-load it applies at that scale).
        case crop(width: Int, height: Int, strategy: FixOptions.CropStrategy)
        /// Place the picture on a `width`×`height` canvas, in the input's displayed pixels.
        case pad(width: Int, height: Int, fill: FixOptions.PadFill)
        case resize(width: Int, height: Int)
        case encode(ImageFormat)
    }

    public struct Step: Sendable, Hashable, Codable {
        public var action: Action
        /// Why the step is needed, for people.
        public var reason: String

        /// A short label such as "crop 2499×1000 (attention)", for reports and `--json`.
        public var summary: String {
            switch action {
            case .shrinkOnLoad(let factor): "shrink on load to 1/\(factor)"
            case .firstPage(let pages): "first page of \(pages)"
            case .autorotate(let orientation): "autorotate (orientation \(orientation))"
            case .convertToSRGB(let space, let bits, let embedded):
                "convert \(space.rawValue) \(bits)-bit to 8-bit sRGB" + (embedded ? " via embedded profile" : "")
            case .flatten(let colour): "flatten onto \(colour)"
            case .crop(let w, let h, let strategy): "crop \(w)×\(h) (\(strategy.rawValue))"
            case .pad(let w, let h, let fill):
                switch fill {
                case .blur: "pad to \(w)×\(h) (blurred fill)"
                case .colour(let colour): "pad to \(w)×\(h) (\(colour))"
                }
            case .resize(let w, let h): "resize to \(w)×\(h)"
            case .encode(let format): "encode \(format.rawValue)"
            }
        }
    }

    public var steps: [Step]
    /// The output's size as displayed, and its format before any budget fallback.
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Whether the output keeps an alpha channel.
    public var keepsAlpha: Bool

    public var isPassThrough: Bool { steps.isEmpty }
}
