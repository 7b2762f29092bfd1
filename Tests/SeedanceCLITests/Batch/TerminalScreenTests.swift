import Testing

/// The terminal model the live-status check reads the screen with: it must show a block that
/// wraps as the issue saw it (a pair of new lines per update), or that check could not fail.
@Suite("Terminal screen model")
struct TerminalScreenTests {
    static let long = String(repeating: "x", count: 130)

    @Test func aBlockRedrawnOverItsRowsStaysInPlace() {
        var screen = TerminalScreen(columns: 80)
        screen.feed("header\r\nstatus 1\r\nspent 1\r\n")
        for update in 2...5 { screen.feed("\u{1B}[2F\u{1B}[Jstatus \(update)\r\nspent \(update)\r\n") }
        #expect(screen.lines == ["header", "status 5", "spent 5"])
        #expect(screen.wraps == 0 && screen.unknownSequences.isEmpty)
    }

    /// The issue: a 130-column line on 80 columns takes two rows, the redraw goes up one, and
    /// every update leaves a row behind.
    @Test func aWrappedLineRedrawnOverOneRowLeavesRowsBehind() {
        var screen = TerminalScreen(columns: 80)
        screen.feed("header\r\n" + Self.long + "\r\n")
        #expect(screen.lines.count == 3 && screen.wraps == 1)
        for _ in 0..<3 { screen.feed("\u{1B}[1F\u{1B}[J" + Self.long + "\r\n") }
        #expect(screen.lines.count == 6)
        #expect(screen.wraps == 4)
    }

    @Test func lineEditing() {
        var screen = TerminalScreen(columns: 10)
        screen.feed("abcdef\rxy\u{1B}[K\r\n0123456789\r\nz\u{1B}[1Aq\u{1B}[2K")
        #expect(screen.lines == ["xy", "", "z"], "a full row does not wrap by itself; ESC[2K blanks the row")
        #expect(screen.wraps == 0)
        screen.feed("\r\na\tb")
        #expect(screen.lines.last == "a       b")
        screen.feed("\u{1B}7")
        #expect(screen.unknownSequences == ["ESC7"])
    }

    /// Narrowed, a terminal rewraps the lines; widened, it joins them again.
    @Test func resizingReflows() {
        var screen = TerminalScreen(columns: 10)
        screen.feed("0123456789abc\r\nxy\r\n")
        #expect(screen.lines == ["0123456789", "abc", "xy"])
        screen.resize(columns: 5)
        #expect(screen.lines == ["01234", "56789", "abc", "xy"])
        screen.feed("z")
        screen.resize(columns: 20)
        #expect(screen.lines == ["0123456789abc", "xy", "z"])
        screen.feed("\r\n\u{1B}[2F\u{1B}[J")
        #expect(screen.lines == ["0123456789abc"])
    }
}
