public import Foundation

/// What a contact sheet shows: a title, then rows of panels, each a picture with a heading and
/// caption lines under it.
public struct ContactSheetContent: Sendable {
    public struct Panel: Sendable {
        public var image: PreviewImage
        public var heading: String
        public var lines: [String]

        public init(image: PreviewImage, heading: String, lines: [String]) {
            self.image = image
            self.heading = heading
            self.lines = lines
        }
    }

    public var title: String
    public var subtitle: String?
    public var rows: [[Panel]]

    public init(title: String, subtitle: String? = nil, rows: [[Panel]]) {
        self.title = title
        self.subtitle = subtitle
        self.rows = rows
    }
}

/// Where everything is on a contact sheet, in the sheet's pixels: for tools that point at parts
/// of it, and for tests that sample them.
public struct ContactSheetLayout: Sendable, Hashable {
    public struct Panel: Sendable, Hashable {
        public var row: Int
        public var column: Int
        /// The picture.
        public var image: PixelRect
        /// The kept region's outline (a crop), on the sheet.
        public var outline: PixelRect?
        /// A pad's original picture, on the sheet; the rest of ``image`` is added area.
        public var picture: PixelRect?
        /// The heading and the caption lines under the picture, and the area they take.
        public var heading: String
        public var lines: [String]
        public var caption: PixelRect
    }

    public var width: Int
    public var height: Int
    public var title: PixelRect
    public var panels: [Panel]
}

extension ContactSheetLayout {
    /// A panel's measured parts: its picture's size and its caption's (rendered text) size.
    struct PanelSize {
        var image: (width: Int, height: Int)
        var caption: (width: Int, height: Int)
        var outline: PixelRect?
        var picture: PixelRect?
        var heading: String
        var lines: [String]
    }

    /// Each cell holds a picture (with a one-pixel border around it), then its caption right
    /// under it, so a short picture keeps its words close; cells in a row share the row's
    /// height, every column is the style's panel width, and gaps follow cells to the right and
    /// below. The title strip spans the top.
    static func arrange(titleSize: (width: Int, height: Int), rows: [[PanelSize]], style: PreviewStyle) -> ContactSheetLayout {
        let cellWidth = style.panelWidth + 2 + style.gap
        let columns = rows.map(\.count).max() ?? 0
        let titleStrip = titleSize.height + style.gap
        var panels: [Panel] = []
        var y = style.margin + titleStrip
        for (rowIndex, row) in rows.enumerated() {
            for (column, panel) in row.enumerated() {
                let captionTop = captionOffset(panel, style: style)
                let origin = (x: style.margin + column * cellWidth + 1, y: y + 1)
                let image = PixelRect(x: origin.x, y: origin.y, width: panel.image.width, height: panel.image.height)
                panels.append(
                    Panel(
                        row: rowIndex, column: column, image: image,
                        outline: panel.outline?.offsetBy(origin.x, origin.y), picture: panel.picture?.offsetBy(origin.x, origin.y),
                        heading: panel.heading, lines: panel.lines,
                        caption: PixelRect(x: origin.x - 1, y: y + captionTop, width: panel.caption.width, height: panel.caption.height)))
            }
            y += rowHeight(row, style: style)
        }
        let width = 2 * style.margin + max(columns * cellWidth - style.gap, titleSize.width)
        return ContactSheetLayout(
            width: width, height: y - style.gap + style.margin,
            title: PixelRect(x: style.margin, y: style.margin, width: titleSize.width, height: titleSize.height),
            panels: panels)
    }

    /// Where a panel's caption starts, from the top of its cell: under the picture and its border.
    static func captionOffset(_ panel: PanelSize, style: PreviewStyle) -> Int {
        panel.image.height + 2 + style.captionGap
    }

    /// A row's height with the gap under it.
    static func rowHeight(_ row: [PanelSize], style: PreviewStyle) -> Int {
        (row.map { captionOffset($0, style: style) + $0.caption.height }.max() ?? 0) + style.gap
    }
}

/// A rendered contact sheet: PNG bytes, and where everything on it is.
public struct ContactSheet: Sendable {
    public var png: Data
    public var layout: ContactSheetLayout
}
