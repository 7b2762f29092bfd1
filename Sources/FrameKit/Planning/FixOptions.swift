/// What the user asked of `fix` beyond the rules themselves.
public struct FixOptions: Sendable, Hashable, Codable {
    /// Which part of the picture a crop keeps; libvips' smart-crop modes.
    public enum CropStrategy: String, Sendable, Hashable, Codable, CaseIterable {
        case attention, entropy, centre
    }

    /// How a frame reaches a target aspect: drop pixels, or add bars.
    public enum Framing: Sendable, Hashable, Codable {
        case crop(CropStrategy)
        case pad(PadFill)
    }

    public enum PadFill: Sendable, Hashable, Codable {
        case colour(RGBColour)
        /// The picture itself, scaled to cover the canvas and blurred.
        case blur
    }

    /// The last frame's size: the first frame's exactly, or its own within the rules.
    public enum LastFrameSize: String, Sendable, Hashable, Codable {
        case matchFirst = "match"
        case keep
    }

    public var framing: Framing
    /// Where alpha is flattened, this shows through.
    public var background: RGBColour
    /// Keep transparency when the output format can carry it (PNG, WebP).
    public var keepAlpha: Bool
    /// The output format when bytes must change; nil keeps the input's when accepted, else JPEG.
    public var format: ImageFormat?
    /// The video the frames are for: its aspect (crop or pad both frames to it) and its pixel
    /// sizes (scale down to what it shows, never below the rules' minimum). nil: neither.
    public var video: VideoTarget?
    public var lastFrameSize: LastFrameSize
    /// The first JPEG/WebP quality tried; the budget search goes down from here.
    public var quality: Int

    public init(
        framing: Framing = .crop(.attention), background: RGBColour = .white, keepAlpha: Bool = false,
        format: ImageFormat? = nil, video: VideoTarget? = nil,
        lastFrameSize: LastFrameSize = .matchFirst, quality: Int = 90
    ) {
        self.framing = framing
        self.background = background
        self.keepAlpha = keepAlpha
        self.format = format
        self.video = video
        self.lastFrameSize = lastFrameSize
        self.quality = quality
    }

    /// Formats `fix` can write.
    public static let outputFormats: [ImageFormat] = [.jpeg, .png, .webp]
}

/// An 8-bit sRGB colour.
public struct RGBColour: Sendable, Hashable, Codable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let white = RGBColour(red: 255, green: 255, blue: 255)
    public static let black = RGBColour(red: 0, green: 0, blue: 0)

    /// Parses `#rrggbb`, `rrggbb`, `white` or `black`.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "white": self = .white
        case "black": self = .black
        default:
            let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        }
    }

    public var description: String {
        "#" + [red, green, blue].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
