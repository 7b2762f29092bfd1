import Foundation
import SeedanceAPI

extension BatchReport {
    /// The report as one static page: polyglot HTML5 (also well-formed XML), its style inline,
    /// no script, every link relative to the report's folder. Every text is escaped.
    public func html() -> String {
        var page = HTMLBuilder()
        page.raw("<!DOCTYPE html>\n")
        page.element("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en"]) { page in
            page.newline()
            page.element("head") { head in
                head.void("meta", ["charset": "utf-8"])
                head.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                head.element("title", text: "Batch report: \(title)")
                head.element("style") { $0.raw(BatchReportStyle.css) }
            }
            page.newline()
            page.element("body") { body in
                heading(&body)
                body.newline()
                table(&body)
                body.newline()
            }
            page.newline()
        }
        page.newline()
        return page.markup
    }

    private var hasRun: Bool { run != nil }

    private func heading(_ body: inout HTMLBuilder) {
        body.element("header") { header in
            header.element("h1", text: "Batch report: \(title)")
            let valid = rows.count(where: \.isValid)
            header.element("p", ["class": "total"]) { line in
                line.text("Total for \(valid) line(s) to send: ")
                line.element("strong", text: total.description)
            }
            header.element(
                "p",
                text: "\(rows.count) manifest line(s): \(valid) ready, \(rows.count - valid) with problems"
                    + (rows.count > valid ? " (nothing is sent for them)" : "") + ".")
            if let run {
                let states = Dictionary(grouping: rows.compactMap(\.outcome), by: \.state)
                    .map { "\($0.value.count) \($0.key.rawValue)" }.sorted().joined(separator: ", ")
                header.element(
                    "p",
                    text: "Run: \(run.outcome); spent \(CostEstimate(usd: run.spentUSD)); \(states)."
                        + (run.stop.map { " Stopped: \($0)." } ?? ""))
            }
            for problem in problems { header.element("p", ["class": "problem"], text: problem) }
            header.element(
                "p", ["class": "note"],
                text: hasRun
                    ? "Each frame: the original (a crop's kept region outlined, a pad's added area shaded) → the frame as sent. Costs are estimates."
                    : "Each frame: the original (a crop's kept region outlined, a pad's added area shaded) → the frame as it would be sent. "
                        + "Nothing has been sent; costs are estimates.")
        }
    }

    private func table(_ body: inout HTMLBuilder) {
        var columns = ["Line", "ID", "Frames: original → sent", "Plan", "Request", "Estimate"]
        if hasRun { columns += ["State and task", "Cost", "Video"] }
        columns.append("Problems")
        body.element("table") { table in
            table.element("thead") { head in
                head.element("tr") { row in
                    for column in columns { row.element("th", ["scope": "col"], text: column) }
                }
            }
            table.newline()
            table.element("tbody") { tbody in
                for row in rows {
                    tbody.element("tr", ["id": "line-\(row.line)", "class": row.isValid ? nil : "invalid"]) { self.cells(row, &$0) }
                    tbody.newline()
                }
            }
        }
    }

    private func cells(_ row: Row, _ tr: inout HTMLBuilder) {
        tr.element("td", ["class": "line"], text: String(row.line))
        tr.element("td", ["class": "id"], text: row.id ?? "—")
        tr.element("td", ["class": "frames"]) { cell in
            for frame in row.frames { self.frame(frame, &cell) }
        }
        tr.element("td", ["class": "plan"]) { cell in
            cell.element("ol") { list in
                for frame in row.frames {
                    for step in frame.steps {
                        list.element("li") { item in
                            item.element("b", text: frame.role.rawValue)
                            item.text(": \(step)")
                        }
                    }
                }
            }
        }
        tr.element("td", ["class": "request"]) { cell in
            cell.element("ul") { list in
                for field in row.request {
                    list.element("li") { item in
                        item.element("code", text: field.name)
                        item.text(" \(field.value)")
                    }
                }
            }
        }
        tr.element("td", ["class": "estimate"], text: row.estimate?.description ?? "—")
        if hasRun { outcomeCells(row.outcome, &tr) }
        tr.element("td", ["class": "problems"]) { cell in
            guard !row.problems.isEmpty else { return }
            cell.element("ul") { list in
                for problem in row.problems { list.element("li", text: problem) }
            }
        }
    }

    private func frame(_ frame: Frame, _ cell: inout HTMLBuilder) {
        cell.element("div", ["class": "frame"]) { div in
            div.element("span", ["class": "role"], text: frame.role.rawValue)
            let isURL = frame.source.lowercased().hasPrefix("http")
            let originalMissing =
                frame.failure(of: .original).map { "no preview: \($0.reason)" }
                ?? (isURL ? "URL: not fetched for the report" : "no preview")
            figure(
                frame.original, caption: [Self.fileName(frame.source), frame.originalFacts], title: frame.source,
                missing: originalMissing, &div)
            div.element("span", ["class": "arrow"], text: "→")
            figure(
                frame.sent, caption: [frame.sentFacts, frame.sent == nil ? nil : frame.note], title: nil,
                missing: frame.failure(of: .sent).map { "no preview: \($0.reason)" } ?? frame.note ?? "not prepared", &div)
        }
    }

    private func figure(_ image: Image?, caption: [String?], title: String?, missing: String, _ div: inout HTMLBuilder) {
        div.element("figure", ["title": title]) { figure in
            if let image {
                figure.void(
                    "img",
                    [
                        "src": RelativePath.href(image.path), "width": String(image.width), "height": String(image.height),
                        "loading": "lazy", "decoding": "async", "alt": caption.compactMap { $0 }.joined(separator: ", "),
                    ])
            } else {
                figure.element("div", ["class": "placeholder"], text: missing)
            }
            let text = caption.compactMap { $0 }
            guard !text.isEmpty else { return }
            figure.element("figcaption") { figcaption in
                for line in text { figcaption.element("span", text: line) }
            }
        }
    }

    private func outcomeCells(_ outcome: Outcome?, _ tr: inout HTMLBuilder) {
        guard let outcome else {
            tr.element("td", ["class": "outcome muted"], text: "not run")
            for _ in 0..<2 { tr.element("td", text: "") }
            return
        }
        tr.element("td", ["class": "outcome"]) { cell in
            cell.element("span", ["class": "state \(outcome.state.rawValue)"], text: outcome.state.rawValue)
            if let task = outcome.taskID { cell.element("code", ["class": "task"], text: task) }
            if let error = outcome.error { cell.element("div", ["class": "muted"], text: error) }
        }
        tr.element("td", ["class": "cost"], text: outcome.cost)
        tr.element("td", ["class": "video"]) { cell in
            if let video = outcome.video {
                cell.element("a", ["href": RelativePath.href(video)], text: Self.fileName(video))
            }
        }
    }

    /// The last path component: the full source is the figure's title.
    private static func fileName(_ source: String) -> String {
        if source.hasPrefix("data:") { return source }
        return source.split(separator: "/").last.map(String.init) ?? source
    }
}
