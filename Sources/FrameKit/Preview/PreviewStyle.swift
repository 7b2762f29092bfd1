/// How previews look: colours, type and sizes, in one place.
public struct PreviewStyle: Sendable, Hashable {
    /// The kept region's outline: a saturated pink-red that no photo's edge is likely to match,
    /// between two thin dark lines so it holds on light and dark pictures alike.
    public var outline = RGBColour(red: 0xFF, green: 0x2D, blue: 0x55)
    public var outlineEdge = RGBColour(red: 0x1C, green: 0x1C, blue: 0x1E)
    /// Outline thickness in pixels (the coloured part; the dark edges add one on each side).
    public var outlineWidth = 3
    /// What a crop drops is washed out towards white by this much (0 keeps it, 1 is white).
    public var discardedWash = 0.55
    /// A pad's added area: a pale tint crossed by diagonal hatching.
    public var padTint = RGBColour(red: 0xFF, green: 0xE4, blue: 0xEA)
    public var padHatch = RGBColour(red: 0xFF, green: 0x8F, blue: 0xA8)
    public var hatchSpacing = 10
    public var background = RGBColour.white
    public var panelBorder = RGBColour(red: 0xD2, green: 0xD2, blue: 0xD7)
    public var text = RGBColour(red: 0x1D, green: 0x1D, blue: 0x1F)
    public var mutedText = RGBColour(red: 0x55, green: 0x55, blue: 0x5A)
    /// Pango font descriptions, at 72 dpi (a point is a pixel).
    public var font = "DejaVu Sans 14"
    public var titleFont = "DejaVu Sans Bold 18"
    public var dpi = 72
    /// The box every panel's picture is fitted into.
    public var panelWidth = 480
    public var panelHeight = 360
    /// Space around the sheet and between panels.
    public var margin = 24
    public var gap = 24
    /// Space between a picture and its caption.
    public var captionGap = 8

    public init() {}
}
