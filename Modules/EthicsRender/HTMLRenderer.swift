import EthicsCore

/// Writes a document as one self-contained, accessible HTML page, fit to publish under WCAG 2.2 AA
/// and to print.
///
/// The page declares its language (`en-GB`) and character set and has a `<title>`; a skip link
/// leads past the banner (the council's name and logo, see ``Branding``) to the `<main>` landmark,
/// which holds the only `<h1>` and the sections below it, their levels never skipping one; a
/// `<footer>` closes it. Tables have captions and scoped header cells; callouts name their kind in
/// words; graphs are drawn as inline SVG with a text version beside them (see
/// ``SVGGraphRenderer``). Nothing is fetched: the stylesheet is embedded, the logo is a `data:`
/// URI and there is no script. All text and attribute values pass through one escaping function,
/// and only safe link targets become links (see ``LinkPolicy``).
struct HTMLRenderer {
    private var html = ""
    private var tableCount = 0
    private var graphCount = 0
    /// The level of the last heading written, so the next may go at most one deeper.
    private var headingLevel = 1

    static func render(_ document: Document, branding: Branding? = nil) -> String {
        var renderer = HTMLRenderer()
        renderer.html.reserveCapacity(HTMLStylesheet.css.utf8.count + (branding?.logo?.base64.utf8.count ?? 0) + 4096)
        renderer.page(document, branding: branding)
        return renderer.html
    }

    private mutating func page(_ document: Document, branding: Branding?) {
        html += """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """
        html.appendHTMLEscaped(document.title)
        html += "</title>\n<style>\n\(HTMLStylesheet.css)\n"
        if let accent = branding?.accent {
            // Parsed from `#rrggbb`, so its description is safe to write into CSS as it is.
            html += ":root { --accent: \(accent); }\n"
        }
        html += "</style>\n</head>\n<body>\n"
        html += "<a class=\"skip-link\" href=\"#content\">Skip to main content</a>\n"
        banner(branding)
        html += "<main id=\"content\" tabindex=\"-1\">\n<header class=\"document-header\">\n<h1>"
        html.appendHTMLEscaped(document.title)
        html += "</h1>\n"
        if let subtitle = document.subtitle {
            html += "<p class=\"subtitle\">"
            html.appendHTMLEscaped(subtitle)
            html += "</p>\n"
        }
        if !document.metadata.isEmpty {
            html += "<dl class=\"metadata\">\n"
            for entry in document.metadata {
                html += "<div><dt>"
                html.appendHTMLEscaped(entry.key)
                html += "</dt><dd>"
                html.appendHTMLEscaped(entry.value)
                html += "</dd></div>\n"
            }
            html += "</dl>\n"
        }
        html += "</header>\n"
        blocks(document.blocks)
        html += "</main>\n<footer class=\"colophon\">\n<p>"
        if let name = branding?.name, !name.isEmpty {
            html += "Published by "
            html.appendHTMLEscaped(name)
            html += ". "
        }
        html += Self.colophon + "</p>\n"
        html += "</footer>\n</body>\n</html>\n"
    }

    /// The footer's words to the reader: what the page is and what they can do with it. (That it
    /// fetches nothing and runs no script is for the people publishing it; README.md says so.)
    static let colophon = "This page is complete in itself: you can save it, print it or pass it on, and it reads the same without a connection."

    /// The `banner` landmark: the council's logo and name, or the toolkit's name without branding.
    /// The logo's text alternative is empty because the name beside it says the same.
    private mutating func banner(_ branding: Branding?) {
        html += "<header class=\"banner\">\n<p class=\"organisation\">"
        if let logo = branding?.logo {
            html += "<img class=\"logo\" src=\""
            html.appendHTMLEscaped(logo.dataURI)
            html += "\" alt=\"\">"
        }
        let name = branding?.name ?? ""
        html.appendHTMLEscaped(name.isEmpty ? "EthicsToolkit" : name)
        html += "</p>\n</header>\n"
    }

    // MARK: - Blocks

    private mutating func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    /// The blocks of a list item or definition: a lone paragraph is written without `<p>`, as in a
    /// tight Markdown list.
    private mutating func itemContent(_ blocks: [Block]) {
        if blocks.count == 1, case .paragraph(let content) = blocks[0] {
            inlines(content)
        } else {
            html += "\n"
            self.blocks(blocks)
        }
    }

    private mutating func block(_ block: Block) {
        switch block {
        case .heading(let level, let content, let anchor):
            headingLevel = min(Block.renderedLevel(level), headingLevel + 1)
            let tag = "h\(headingLevel)"
            html += "<\(tag)\(idAttribute(anchor))>"
            inlines(content)
            html += "</\(tag)>\n"
        case .paragraph(let content):
            html += "<p>"
            inlines(content)
            html += "</p>\n"
        case .list(let kind, let items):
            let tag = kind == .ordered ? "ol" : "ul"
            html += "<\(tag)>\n"
            for item in items {
                html += "<li>"
                itemContent(item)
                html += "</li>\n"
            }
            html += "</\(tag)>\n"
        case .table(let table):
            self.table(table)
        case .definitions(let definitions):
            html += "<dl>\n"
            for definition in definitions {
                html += "<dt\(idAttribute(definition.anchor))>"
                inlines(definition.term)
                html += "</dt>\n<dd>"
                itemContent(definition.details)
                html += "</dd>\n"
            }
            html += "</dl>\n"
        case .quote(let content):
            html += "<blockquote>\n"
            blocks(content)
            html += "</blockquote>\n"
        case .code(let code, let language):
            html += "<pre><code"
            if let language, !language.isEmpty {
                html += " class=\"language-"
                html.appendHTMLEscaped(language)
                html += "\""
            }
            html += ">"
            html.appendHTMLEscaped(code)
            html += "</code></pre>\n"
        case .graph(let graph):
            self.graph(graph)
        case .callout(let kind, let title, let content):
            let label = kind == .warning ? "Warning" : "Note"
            html += "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n"
            html += "<p class=\"callout-title\"><strong>\(label)</strong>"
            if !title.isEmpty {
                html += ": "
                inlines(title)
            }
            html += "</p>\n"
            blocks(content)
            html += "</div>\n"
        case .thematicBreak:
            html += "<hr>\n"
        case .form(let form):
            blocks(form.worksheet)
        }
    }

    private func idAttribute(_ anchor: String?) -> String {
        anchor.map { " id=\"\(Inline.anchorSlug($0))\"" } ?? ""
    }

    /// A table in a focusable, labelled scrolling region, so that keyboard and screen-reader users
    /// can reach columns that overflow a narrow screen.
    private mutating func table(_ table: Table) {
        tableCount += 1
        let columns = table.columnCount
        let captionID = "table-\(tableCount)-caption"
        let label = table.caption.isEmpty
            ? "aria-label=\"Table \(tableCount)\""
            : "aria-labelledby=\"\(captionID)\""
        html += "<div class=\"table-scroll\" role=\"region\" \(label) tabindex=\"0\">\n<table>\n"
        if !table.caption.isEmpty {
            html += "<caption id=\"\(captionID)\">"
            inlines(table.caption)
            html += "</caption>\n"
        }
        if !table.header.isEmpty {
            html += "<thead>\n"
            row(table.header, columns: columns, in: table, header: true)
            html += "</thead>\n"
        }
        html += "<tbody>\n"
        for cells in table.rows {
            row(cells, columns: columns, in: table, header: false)
        }
        html += "</tbody>\n</table>\n</div>\n"
    }

    private mutating func row(_ cells: [Table.Cell], columns: Int, in table: Table, header: Bool) {
        html += "<tr>"
        for column in 0..<columns {
            let cell = column < cells.count ? cells[column] : Table.Cell([])
            let (tag, scope): (String, String?) = switch (header, column == 0 && table.hasRowHeaders) {
            case (true, _): ("th", "col")
            case (false, true): ("th", "row")
            case (false, false): ("td", nil)
            }
            var classes: [String] = []
            switch table.alignment(ofColumn: column) {
            case .left: break
            case .center: classes.append("align-center")
            case .right: classes.append("align-right")
            }
            let intensity = cell.intensityLabel
            let value = cell.intensityValue
            if let value = cell.normalizedIntensity {
                classes += ["heat", "heat-\(min(Int(value * 5), 4))"]
            }

            html += "<\(tag)"
            if let scope { html += " scope=\"\(scope)\"" }
            if !classes.isEmpty { html += " class=\"\(classes.joined(separator: " "))\"" }
            if let value { html += " data-intensity=\"\(value)\"" }
            html += ">"
            inlines(cell.content)
            if let intensity {
                if !cell.content.isEmpty { html += " " }
                html += "<span class=\"heat-value\">\(intensity)</span>"
            }
            html += "</\(tag)>"
        }
        html += "</tr>\n"
    }

    /// A figure with the graph drawn as inline SVG and, as its text alternative, a list of every
    /// connection (and every unconnected step), readable without a script, in print and by a
    /// screen reader. The caption names both.
    private mutating func graph(_ graph: Graph) {
        graphCount += 1
        let resolved = ResolvedGraph(graph)
        let prefix = "graph-\(graphCount)"
        let title = graph.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Diagram \(graphCount)"
        html += "<figure class=\"graph\" aria-labelledby=\"\(prefix)-caption\">\n<figcaption id=\"\(prefix)-caption\">"
        html.appendHTMLEscaped(title)
        html += "</figcaption>\n"
        SVGGraphRenderer.append(resolved, idPrefix: prefix, title: title, to: &html)
        html += "<details class=\"graph-outline\" open>\n<summary>Text version of the diagram</summary>\n<ul>\n"
        for edge in resolved.edges {
            html += "<li>"
            html.appendHTMLEscaped(resolved.nodes[edge.from].label)
            html += " → "
            html.appendHTMLEscaped(resolved.nodes[edge.to].label)
            if let label = edge.label {
                html += " ("
                html.appendHTMLEscaped(label)
                html += ")"
            }
            html += "</li>\n"
        }
        for node in resolved.isolatedNodes {
            html += "<li>"
            html.appendHTMLEscaped(node.label)
            html += "</li>\n"
        }
        html += "</ul>\n</details>\n</figure>\n"
    }

    // MARK: - Inlines

    private mutating func inlines(_ inlines: [Inline], insideLink: Bool = false) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                html.appendHTMLEscaped(text)
            case .emphasis(let content):
                html += "<em>"
                self.inlines(content, insideLink: insideLink)
                html += "</em>"
            case .strong(let content):
                html += "<strong>"
                self.inlines(content, insideLink: insideLink)
                html += "</strong>"
            case .code(let code), .command(let code, _):
                html += "<code>"
                html.appendHTMLEscaped(code)
                html += "</code>"
            case .link(let content, let url):
                guard !insideLink, LinkPolicy.allows(url) else {
                    self.inlines(content, insideLink: insideLink)
                    continue
                }
                html += "<a href=\""
                html.appendHTMLEscaped(url)
                html += "\">"
                self.inlines(content.isEmpty ? [.text(url)] : content, insideLink: true)
                html += "</a>"
            case .termReference(let text, let termID):
                guard !insideLink else {
                    html.appendHTMLEscaped(text)
                    continue
                }
                html += "<a class=\"term\" href=\"#\(Inline.anchor(forTerm: termID))\">"
                html.appendHTMLEscaped(text)
                html += "</a>"
            case .lineBreak:
                html += "<br>"
            }
        }
    }
}
