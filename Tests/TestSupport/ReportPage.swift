public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A written report read back as a browser would not: strictly, with Foundation's XML parser.
/// A page that is not well-formed fails to load here; one that is gives its rows, links and text.
public struct ReportPage {
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// One `<tr>` of the table's body: its id attribute and its text.
    public struct Row: Sendable {
        public var id: String?
        public var `class`: String?
        public var text: String
    }

    public var rows: [Row] = []
    /// Every `src` and `href` value, in order.
    public var links: [String] = []
    /// Every element name that occurs.
    public var elements: Set<String> = []
    /// All text, concatenated.
    public var text = ""
    public var imagesWithoutLazyLoading = 0

    public init(_ data: Data) throws {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseError(description: "not well-formed at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        rows = collector.rows
        links = collector.links
        elements = collector.elements
        text = collector.text
        imagesWithoutLazyLoading = collector.imagesWithoutLazyLoading
    }

    public init(contentsOf file: URL) throws {
        try self.init(Data(contentsOf: file))
    }

    /// Each link resolved against `folder`: the file it points at, when it is a relative path.
    public static func resolve(_ link: String, in folder: URL) -> URL? {
        // As a browser does: relative to the folder itself (a base without a trailing slash is its parent's).
        let base = URL(fileURLWithPath: folder.path, isDirectory: true)
        guard let url = URL(string: link, relativeTo: base), url.scheme == "file" || url.scheme == nil else { return nil }
        return url.absoluteURL.standardizedFileURL
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var rows: [Row] = []
        var links: [String] = []
        var elements: Set<String> = []
        var text = ""
        var imagesWithoutLazyLoading = 0
        private var inBody = false
        private var row: Row?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.insert(name)
            if let source = attributes["src"] { links.append(source) }
            if let target = attributes["href"] { links.append(target) }
            if name == "img", attributes["loading"] != "lazy" { imagesWithoutLazyLoading += 1 }
            if name == "tbody" { inBody = true }
            if name == "tr", inBody { row = Row(id: attributes["id"], class: attributes["class"], text: "") }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "tbody" { inBody = false }
            if name == "tr", let finished = row {
                rows.append(finished)
                row = nil
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            row?.text += string
        }
    }
}
