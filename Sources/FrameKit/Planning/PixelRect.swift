/// A rectangle of whole pixels: `x`, `y` from the top-left corner, then its size.
public struct PixelRect: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The whole of a `width`×`height` picture.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// One past the last column and row.
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public var description: String { "\(width)×\(height) at (\(x), \(y))" }

    /// This rectangle in a picture of `toWidth`×`toHeight` that shows what `fromWidth`×`fromHeight`
    /// showed. Edges are scaled and rounded, not the size, so rectangles that share an edge still
    /// share it after scaling.
    public func scaled(from fromWidth: Int, _ fromHeight: Int, to toWidth: Int, _ toHeight: Int) -> PixelRect {
        let sx = Double(toWidth) / Double(max(fromWidth, 1))
        let sy = Double(toHeight) / Double(max(fromHeight, 1))
        let left = Int((Double(x) * sx).rounded())
        let right = Int((Double(maxX) * sx).rounded())
        let top = Int((Double(y) * sy).rounded())
        let bottom = Int((Double(maxY) * sy).rounded())
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Moved by `dx`, `dy`.
    public func offsetBy(_ dx: Int, _ dy: Int) -> PixelRect {
        PixelRect(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// Whether the pixel at (`px`, `py`) lies inside.
    public func contains(_ px: Int, _ py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}

extension PixelRect {
    /// The overlap of two rectangles; empty (zero size) when they do not meet.
    public func intersection(_ other: PixelRect) -> PixelRect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = max(left, min(maxX, other.maxX))
        let bottom = max(top, min(maxY, other.maxY))
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }
}

extension PixelRect {
    /// Shrunk by `amount` on every side (grown when negative).
    public func inset(by amount: Int) -> PixelRect {
        PixelRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
