/// Builds markup that is HTML5 and well-formed XML at once: every element closed, every
/// attribute quoted, every text and attribute value escaped. Nothing else writes markup, so
/// no caller can forget an escape.
struct HTMLBuilder {
    private(set) var markup = ""

    /// An element with children written by `content`.
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: (inout HTMLBuilder) -> Void) {
        open(tag, attributes)
        content(&self)
        markup += "</\(tag)>"
    }

    /// An element holding only text (which may be empty).
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(tag, attributes)
        markup += HTMLText.escape(text)
        markup += "</\(tag)>"
    }

    /// A void element (`img`, `meta`, `br`), self-closed for XML.
    mutating func void(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        markup += "<\(tag)" + Self.attributes(attributes) + " />"
    }

    mutating func text(_ text: String) {
        markup += HTMLText.escape(text)
    }

    /// Markup the caller wrote itself: only for constants (the doctype, the style sheet).
    mutating func raw(_ constant: StaticString) {
        markup += constant.description
    }

    mutating func newline() {
        markup += "\n"
    }

    private mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String?>) {
        markup += "<\(tag)" + Self.attributes(attributes) + ">"
    }

    /// Attributes whose value is nil are left out.
    private static func attributes(_ attributes: KeyValuePairs<String, String?>) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(HTMLText.escape($0))\"" } }.joined()
    }
}
