/// A width:height ratio held as integers, so that "exactly 0.4" compares exactly.
public struct AspectRatio: Sendable, Hashable, Codable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "an aspect ratio needs positive sides")
        let divisor = Self.gcd(width, height)
        self.width = width / divisor
        self.height = height / divisor
    }

    /// Parses "16:9", "2/5", or a decimal such as "0.4" or "2.5" (read exactly, digit by digit).
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "/" }).map(String.init)
        if parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 {
            self.init(width: w, height: h)
            return
        }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ $0.allSatisfy(\.isNumber) }),
            !pieces[0].isEmpty || pieces.count == 2
        else { return nil }
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard fraction.count <= 9, let numerator = Int(String(pieces[0]) + fraction), numerator > 0 else { return nil }
        var denominator = 1
        for _ in fraction { denominator *= 10 }
        self.init(width: numerator, height: denominator)
    }

    public var value: Double { Double(width) / Double(height) }
    public var description: String { "\(width):\(height)" }

    /// Whether `w/h` is strictly above this ratio.
    func isBelow(width w: Int, height h: Int) -> Bool { w * height > width * h }
    /// Whether `w/h` is strictly below this ratio.
    func isAbove(width w: Int, height h: Int) -> Bool { w * height < width * h }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
