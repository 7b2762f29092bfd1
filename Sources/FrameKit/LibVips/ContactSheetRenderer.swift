import Foundation

/// Renders a ``ContactSheetContent``: text with vips_text, each cell drawn (picture, border,
/// caption), the cells of a row joined with vips_arrayjoin, the title and rows stacked with
/// vips_join, the margin added with vips_embed. Positions come from ``ContactSheetLayout``, the
/// one place that computes them.
extension FramePreview {
    public func contactSheet(_ content: ContactSheetContent) throws(FrameError) -> ContactSheet {
        let title = try titleBlock(content)
        var sizes: [[ContactSheetLayout.PanelSize]] = []
        var captions: [[VipsImage]] = []
        for row in content.rows {
            var rowSizes: [ContactSheetLayout.PanelSize] = []
            var rowCaptions: [VipsImage] = []
            for panel in row {
                let markup = "<b>\(Self.escaped(panel.heading))</b>\n" + panel.lines.map(Self.escaped).joined(separator: "\n")
                let caption = try VipsImage.text(markup, font: style.font, width: style.panelWidth, dpi: style.dpi)
                rowCaptions.append(caption)
                rowSizes.append(
                    .init(
                        image: (panel.image.width, panel.image.height), caption: (caption.width, caption.height),
                        outline: panel.image.outline, picture: panel.image.picture,
                        heading: panel.heading, lines: panel.lines))
            }
            sizes.append(rowSizes)
            captions.append(rowCaptions)
        }
        let layout = ContactSheetLayout.arrange(titleSize: (title.width, title.height), rows: sizes, style: style)
        var stack = try VipsImage.canvas(width: title.width, height: title.height + style.gap, colour: style.background)
        try stack.drawMask(title, x: 0, y: 0, style.text)
        for (index, row) in content.rows.enumerated() where !row.isEmpty {
            let height = ContactSheetLayout.rowHeight(sizes[index], style: style)
            var cells: [VipsImage] = []
            for (column, panel) in row.enumerated() {
                cells.append(
                    try cell(
                        panel.image, caption: captions[index][column], height: height,
                        captionTop: ContactSheetLayout.captionOffset(sizes[index][column], style: style)))
            }
            stack = try stack.joined(
                above: VipsImage.arrayJoin(cells, across: cells.count, background: style.background),
                background: style.background)
        }
        let background = [style.background.red, style.background.green, style.background.blue].map(Double.init)
        let sheet = try stack.embed(x: style.margin, y: style.margin, width: layout.width, height: layout.height, background: background)
        return ContactSheet(png: try VipsEncoder.encode(sheet, as: .png, quality: 100), layout: layout)
    }

    /// The title in bold over the subtitle, as one mask.
    private func titleBlock(_ content: ContactSheetContent) throws(FrameError) -> VipsImage {
        let width = 2 * (style.panelWidth + 2) + style.gap
        let heading = try VipsImage.text("<b>\(Self.escaped(content.title))</b>", font: style.titleFont, width: width, dpi: style.dpi)
        guard let subtitle = content.subtitle else { return heading }
        let below = try VipsImage.text(Self.escaped(subtitle), font: style.font, width: width, dpi: style.dpi)
        let spaced = try below.embed(x: 0, y: style.captionGap, width: below.width, height: below.height + style.captionGap, background: [0])
        return try heading.joined(above: spaced, ink: [0])
    }

    /// One cell: the picture at (1, 1) inside a one-pixel border, its caption at `captionTop`,
    /// and the gaps to the right and below.
    private func cell(_ image: PreviewImage, caption: VipsImage, height: Int, captionTop: Int) throws(FrameError) -> VipsImage {
        let canvas = try VipsImage.canvas(width: style.panelWidth + 2 + style.gap, height: height, colour: style.background)
        let cell = try canvas.inserting(image.image, x: 1, y: 1).drawableCopy()
        try cell.strokeRect(PixelRect(width: image.width + 2, height: image.height + 2), style.panelBorder)
        try cell.drawMask(caption, x: 0, y: captionTop, style.text)
        return cell
    }

    /// Text for Pango markup: file names and reasons may hold &, < and >.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
