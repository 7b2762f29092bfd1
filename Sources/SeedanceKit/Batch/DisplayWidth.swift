extension StringProtocol {
    /// The columns a terminal gives this text: one per character (`·`, `≈` and `…` included),
    /// two for a wide East Asian character or an emoji, none for a control character.
    ///
    /// Not counted in bytes or scalars: `≈` is three bytes and one column, `é` may be two scalars
    /// and one column.
    public var displayWidth: Int {
        reduce(0) { $0 + Self.columns(of: $1) }
    }

    private static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }
}
