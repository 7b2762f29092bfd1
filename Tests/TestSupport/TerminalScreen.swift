/// A minimal terminal: what a screen shows after a stream of text with the few control
/// sequences command-line displays use (`\r`, `\n`, tab, cursor up, erase in line or display).
/// Rows are kept without limit (scrollback included); a line longer than ``columns`` wraps, as
/// on a real terminal, and is counted in ``wraps``.
public struct TerminalScreen {
    public private(set) var columns: Int
    private var rows: [[Character]] = [[]]
    /// Per row: it goes on from the row above, a line that wrapped there (joined again when the
    /// terminal is resized).
    private var continued = [false]
    private var row = 0
    private var column = 0
    /// The cursor is past the last column: the next character goes to the next row.
    private var pendingWrap = false
    /// How many times a line ran past the last column and went on in the next row.
    public private(set) var wraps = 0
    /// Escape sequences this model does not know; a test fails on them rather than misread.
    public private(set) var unknownSequences: [String] = []
    /// Text of an escape sequence still arriving.
    private var sequence: [Unicode.Scalar]?

    public init(columns: Int) {
        self.columns = columns
    }

    /// The rows on screen, trailing blanks trimmed, up to the last one with text or the cursor.
    public var lines: [String] {
        let last = max(rows.lastIndex { !$0.allSatisfy { $0 == " " } } ?? 0, column > 0 ? row : row - 1)
        return rows.prefix(last + 1).map { String($0).replacingTrailingBlanks() }
    }

    /// A new width, with the lines reflowed as most terminals do (GNOME Terminal, iTerm2, tmux,
    /// kitty; xterm cuts them instead): wrapped rows joined into their lines, the lines wrapped
    /// again at the new width, the cursor kept on the same character.
    public mutating func resize(columns newColumns: Int) {
        var lines: [[Character]] = []
        var cursor = (line: 0, offset: 0)
        for (index, text) in rows.enumerated() {
            if continued[index], !lines.isEmpty { lines[lines.count - 1] += text } else { lines.append(text) }
            if index == row { cursor = (lines.count - 1, lines[lines.count - 1].count - text.count + column) }
        }
        rows = []
        continued = []
        for (index, line) in lines.enumerated() {
            if index == cursor.line {
                row = rows.count + cursor.offset / newColumns
                column = cursor.offset % newColumns
            }
            let pieces = stride(from: 0, to: max(line.count, 1), by: newColumns).map { Array(line[$0..<min($0 + newColumns, line.count)]) }
            rows += pieces
            continued += pieces.indices.map { $0 > 0 }
        }
        moveDown(0)
        columns = newColumns
        pendingWrap = false
    }

    public mutating func feed(_ text: String) {
        for scalar in text.unicodeScalars { feed(scalar) }
    }

    private mutating func feed(_ scalar: Unicode.Scalar) {
        if var pending = sequence {
            pending.append(scalar)
            sequence = pending
            if pending.count == 1 {
                // ESC followed by anything but `[` is a two-character sequence (`ESC 7`, …).
                if scalar != "[" { finishUnknown(pending) }
            } else if (0x40...0x7E).contains(scalar.value) {
                apply(pending)
            }
            return
        }
        switch scalar {
        case "\u{1B}": sequence = []
        case "\r":
            column = 0
            pendingWrap = false
        case "\n": moveDown(1)
        case "\t": column = min((column / 8 + 1) * 8, columns - 1)
        case "\u{07}": break
        default:
            guard scalar.value >= 0x20 else { return unknownSequences.append(String(scalar)) }
            put(Character(scalar))
        }
    }

    private mutating func put(_ character: Character) {
        if pendingWrap {
            wraps += 1
            moveDown(1)
            column = 0
            continued[row] = true
        }
        while rows[row].count <= column { rows[row].append(" ") }
        rows[row][column] = character
        if column == columns - 1 { pendingWrap = true } else { column += 1 }
    }

    private mutating func moveDown(_ count: Int) {
        row += count
        while rows.count <= row {
            rows.append([])
            continued.append(false)
        }
        pendingWrap = false
    }

    /// A CSI sequence: `[`, parameters, one final character.
    private mutating func apply(_ pending: [Unicode.Scalar]) {
        sequence = nil
        let final = pending[pending.count - 1]
        let parameter = String(String.UnicodeScalarView(pending.dropFirst().dropLast()))
        let count = max(Int(parameter) ?? 1, 1)
        pendingWrap = false
        switch (final, parameter) {
        case ("A", _): row = max(row - count, 0)
        case ("F", _):
            row = max(row - count, 0)
            column = 0
        case ("B", _): moveDown(count)
        case ("E", _):
            moveDown(count)
            column = 0
        case ("G", _): column = min(count - 1, columns - 1)
        case ("K", ""), ("K", "0"): rows[row] = Array(rows[row].prefix(column))
        case ("K", "2"): rows[row] = []
        case ("J", ""), ("J", "0"):
            rows[row] = Array(rows[row].prefix(column))
            rows.removeSubrange((row + 1)...)
            continued.removeSubrange((row + 1)...)
        case ("m", _): break
        default: finishUnknown(pending)
        }
    }

    private mutating func finishUnknown(_ pending: [Unicode.Scalar]) {
        sequence = nil
        unknownSequences.append("ESC" + String(String.UnicodeScalarView(pending)))
    }
}

extension String {
    fileprivate func replacingTrailingBlanks() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
