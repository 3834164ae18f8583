import EthicsCore

/// Writes a document as an OpenDocument text file (ODF 1.3), the UK government's standard for
/// editable documents: a committee paper a council can open, edit and file.
///
/// Structure is carried as structure, never as looks: the title has the Title style, sections the
/// Heading 1…5 styles in the outline (so the navigator and a table of contents find them), lists
/// are lists, tables are tables whose header row repeats on every page, links are links and term
/// references land on their glossary entry. Every page has the council's name (and logo) in its
/// header and "Page N of M" in its footer. Diagrams are SVG images, each followed by its text
/// version. Escaping is the one HTML/XML function; control characters are neutralised per part.
struct ODTRenderer {
    private var xml = ""
    private var tableCount = 0
    private var graphCount = 0
    private var headingLevel = 0
    private var pictures: [(path: String, bytes: [UInt8])] = []
    /// The automatic styles that give each table's columns their widths.
    private var columnStyles = ""

    static func render(_ document: Document, branding: Branding?) throws(RenderError) -> [UInt8] {
        var renderer = ODTRenderer()
        renderer.body(document)
        var package = PaperPackage()
        package.add("mimetype", bytes: Array("application/vnd.oasis.opendocument.text".utf8), compressed: false)
        let logo = branding?.logo.flatMap(PaperLogo.init)
        var manifestEntries = ["content.xml", "styles.xml", "meta.xml"].map { ($0, "text/xml") }
        package.add("content.xml", xml: Self.content(renderer.xml, columnStyles: renderer.columnStyles))
        package.add("styles.xml", xml: Self.styles(branding: branding, logo: logo))
        package.add("meta.xml", xml: Self.meta(document))
        for picture in renderer.pictures {
            package.add(picture.path, bytes: picture.bytes)
            manifestEntries.append((picture.path, "image/svg+xml"))
        }
        if let logo {
            package.add("Pictures/logo.\(logo.fileExtension)", bytes: logo.bytes, compressed: false)
            manifestEntries.append(("Pictures/logo.\(logo.fileExtension)", logo.mediaType))
        }
        package.add("META-INF/manifest.xml", xml: Self.manifest(manifestEntries))
        return try package.archive(format: .odt)
    }

    // MARK: - Parts

    private static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        office:version="1.3"
        """

    private static func content(_ body: String, columnStyles: String) -> String {
        var cells = ""
        for (step, colour) in heatColours.enumerated() {
            cells += """
                <style:style style:name="Heat\(step)" style:family="table-cell"><style:table-cell-properties fo:background-color="\(colour)" \
                fo:border="0.5pt solid #b1b4b6" fo:padding="0.08cm"/>\(step >= 3 ? "<style:text-properties fo:font-weight=\"bold\"\(step == 4 ? " fo:color=\"#ffffff\"" : "")/>" : "")</style:style>
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces)>
            <office:automatic-styles>
            <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
            <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #b1b4b6" fo:padding="0.08cm"/></style:style>
            <style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:background-color="#f3f2f1" fo:border="0.5pt solid #b1b4b6" fo:padding="0.08cm"/></style:style>
            \(cells)
            <style:style style:name="PRight" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
            <style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="center"/></style:style>
            \(columnStyles)<style:style style:name="Drawing" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>
            </office:automatic-styles>
            <office:body>
            <office:text>
            \(body)</office:text>
            </office:body>
            </office:document-content>
            """
    }

    /// The heatmap's five shades, as on HTML pages; the number is always printed beside them.
    static let heatColours = ["#f3f2f1", "#d2e2f1", "#a6c6e5", "#5694ca", "#003078"]

    private static func meta(_ document: Document) -> String {
        var title = ""
        title.appendHTMLEscaped(document.title)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta \(namespaces)><office:meta><dc:title>\(title)</dc:title>\
            <meta:generator>EthicsToolkit</meta:generator><dc:language>en-GB</dc:language></office:meta></office:document-meta>
            """
    }

    private static func manifest(_ entries: [(String, String)]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>

            """
        for (path, type) in entries {
            xml += "<manifest:file-entry manifest:full-path=\"\(path)\" manifest:media-type=\"\(type)\"/>\n"
        }
        return xml + "</manifest:manifest>\n"
    }

    private static func styles(branding: Branding?, logo: PaperLogo?) -> String {
        var headings = ""
        let sizes = [16, 14, 12.5, 11.5, 11]
        for level in 1...5 {
            headings += """
                <style:style style:name="Heading_20_\(level)" style:display-name="Heading \(level)" style:family="paragraph" \
                style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="\(level)" style:class="text">\
                <style:text-properties fo:font-size="\(sizes[level - 1])pt" fo:font-weight="bold"/></style:style>

                """
        }
        var outline = ""
        for level in 1...10 {
            outline += "<text:outline-level-style text:level=\"\(level)\" style:num-format=\"\"/>"
        }
        func listLevels(ordered: Bool) -> String {
            (1...10).map { level in
                let indent = "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                    + "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"\(Double(level) * 0.63 + 0.2)cm\" "
                    + "fo:text-indent=\"-0.5cm\" fo:margin-left=\"\(Double(level) * 0.63 + 0.2)cm\"/></style:list-level-properties>"
                return ordered
                    ? "<text:list-level-style-number text:level=\"\(level)\" style:num-suffix=\".\" style:num-format=\"\(level % 2 == 1 ? "1" : "a")\">\(indent)</text:list-level-style-number>"
                    : "<text:list-level-style-bullet text:level=\"\(level)\" text:bullet-char=\"\(level % 2 == 1 ? "•" : "◦")\">\(indent)</text:list-level-style-bullet>"
            }.joined()
        }
        var name = ""
        name.appendHTMLEscaped(branding?.name.isEmpty == false ? branding!.name : "")
        var header = "<text:p text:style-name=\"Header\">"
        if let logo {
            let height = 0.9
            let width = height * logo.aspectRatio
            header += "<draw:frame draw:name=\"Logo\" text:anchor-type=\"as-char\" svg:width=\"\(width)cm\" svg:height=\"\(height)cm\">"
            header += "<draw:image xlink:href=\"Pictures/logo.\(logo.fileExtension)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"
            header += "<svg:title>\(name)</svg:title></draw:frame><text:s/>"
        }
        header += name + "</text:p>"
        var footer = ""
        footer.appendHTMLEscaped(Paper.colophon(branding))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces)>
            <office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss"/>\
            <style:font-face style:name="Liberation Mono" svg:font-family="&apos;Liberation Mono&apos;" style:font-family-generic="modern" style:font-pitch="fixed"/></office:font-face-decls>
            <office:styles>
            <style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>
            <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
            <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="120%"/></style:style>
            <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:color="#0b0c0c"/></style:style>
            <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Subtitle" style:class="chapter"><style:paragraph-properties fo:margin-top="0cm"/><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
            <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:text-properties fo:font-size="14pt" fo:color="#505a5f"/></style:style>
            \(headings)<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9pt"/></style:style>
            <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Figure" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:keep-with-next="always" fo:margin-bottom="0.2cm"/></style:style>
            <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm"/><style:text-properties fo:font-style="italic"/></style:style>
            <style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Liberation Mono" fo:font-size="9.5pt"/></style:style>
            <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
            <style:style style:name="Definition_20_Term" style:display-name="Definition Term" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-top="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Definition_20_Details" style:display-name="Definition Details" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-left="0.6cm"/></style:style>
            <style:style style:name="Callout" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="extra"><style:paragraph-properties fo:margin-left="0.3cm" fo:padding-left="0.3cm" fo:border-left="4pt solid #1d70b8" fo:background-color="#f3f2f1"/></style:style>
            <style:style style:name="Metadata" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0.05cm"/></style:style>
            <style:style style:name="Horizontal_20_Line" style:display-name="Horizontal Line" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-bottom="0.3cm" fo:border-bottom="0.75pt solid #b1b4b6" fo:padding="0cm"/></style:style>
            <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:border-bottom="0.75pt solid #b1b4b6" fo:padding-bottom="0.1cm"/><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" fo:color="#505a5f"/></style:style>
            <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
            <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text"><style:text-properties style:font-name="Liberation Mono" fo:font-size="9.5pt"/></style:style>
            <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#1d70b8" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
            <text:outline-style style:name="Outline">\(outline)</text:outline-style>
            <text:list-style style:name="List_20_Bullet" style:display-name="List Bullet">\(listLevels(ordered: false))</text:list-style>
            <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">\(listLevels(ordered: true))</text:list-style>
            </office:styles>
            <office:automatic-styles>
            <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" \
            fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>\
            <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>\
            <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
            </office:automatic-styles>
            <office:master-styles>
            <style:master-page style:name="Standard" style:page-layout-name="A4">\
            <style:header>\(header)</style:header>\
            <style:footer><text:p text:style-name="Footer">\(footer) <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>\
            </style:master-page>
            </office:master-styles>
            </office:document-styles>
            """
    }

    // MARK: - Body

    private mutating func body(_ document: Document) {
        xml.reserveCapacity(4096)
        paragraph("Title") { $0.appendText(document.title) }
        if let subtitle = document.subtitle {
            paragraph("Subtitle") { $0.appendText(subtitle) }
        }
        for entry in document.metadata {
            paragraph("Metadata") {
                $0.xml += "<text:span text:style-name=\"Strong_20_Emphasis\">"
                $0.appendText(entry.key)
                $0.xml += ":</text:span> "
                $0.appendText(entry.value)
            }
        }
        blocks(document.blocks, style: "Text_20_body")
    }

    private mutating func paragraph(_ style: String, _ content: (inout ODTRenderer) -> Void) {
        xml += "<text:p text:style-name=\"\(style)\">"
        content(&self)
        xml += "</text:p>\n"
    }

    private mutating func blocks(_ blocks: [Block], style: String) {
        for block in blocks { self.block(block, style: style) }
    }

    /// One block; `style` is the paragraph style of plain paragraphs here (body, list item,
    /// definition, quotation, callout).
    private mutating func block(_ block: Block, style: String) {
        switch block {
        case .heading(let level, let content, let anchor):
            headingLevel = min(Paper.outlineLevel(level), headingLevel + 1)
            xml += "<text:h text:style-name=\"Heading_20_\(headingLevel)\" text:outline-level=\"\(headingLevel)\">"
            bookmark(anchor)
            inlines(content)
            xml += "</text:h>\n"
        case .paragraph(let content):
            paragraph(style) { $0.inlines(content) }
        case .list(let kind, let items):
            list(kind, items)
        case .table(let table):
            self.table(table)
        case .definitions(let definitions):
            for definition in definitions {
                paragraph("Definition_20_Term") {
                    $0.bookmark(definition.anchor)
                    $0.inlines(definition.term)
                }
                blocks(definition.details, style: "Definition_20_Details")
            }
        case .quote(let content):
            blocks(content, style: "Quotations")
        case .code(let code, _):
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                paragraph("Preformatted_20_Text") { $0.appendText(line) }
            }
        case .graph(let graph):
            self.graph(graph)
        case .callout(let kind, let title, let content):
            paragraph("Callout") {
                $0.xml += "<text:span text:style-name=\"Strong_20_Emphasis\">\(kind == .warning ? "Warning" : "Note")</text:span>"
                if !title.isEmpty {
                    $0.xml += ": "
                    $0.inlines(title)
                }
            }
            blocks(content, style: "Callout")
        case .thematicBreak:
            xml += "<text:p text:style-name=\"Horizontal_20_Line\"/>\n"
        case .form(let form):
            blocks(form.worksheet, style: style)
        }
    }

    /// A list: an ODF list item holds paragraphs and lists only, so any other block inside an
    /// item (rare: a table in a list) is written as its text.
    private mutating func list(_ kind: Block.ListKind, _ items: [[Block]]) {
        xml += "<text:list text:style-name=\"\(kind == .ordered ? "Numbering_20_123" : "List_20_Bullet")\">\n"
        for item in items {
            xml += "<text:list-item>"
            if item.isEmpty { xml += "<text:p text:style-name=\"List_20_Contents\"/>" }
            for block in item {
                switch block {
                case .paragraph(let content):
                    paragraph("List_20_Contents") { $0.inlines(content) }
                case .list(let kind, let nested):
                    list(kind, nested)
                default:
                    paragraph("List_20_Contents") { $0.appendText(block.plainText) }
                }
            }
            xml += "</text:list-item>\n"
        }
        xml += "</text:list>\n"
    }

    private mutating func table(_ table: Table) {
        tableCount += 1
        let columns = max(table.columnCount, 1)
        let number = tableCount
        if !table.caption.isEmpty {
            paragraph("Caption") {
                $0.xml += "Table \(number): "
                $0.inlines(table.caption)
            }
        }
        // Column widths are automatic styles of their own, kept with the table.
        xml += "<table:table table:name=\"Table\(tableCount)\" table:style-name=\"Tbl\">"
        for (index, share) in table.columnShares.enumerated() {
            let name = "T\(tableCount).C\(index)"
            columnStyles += "<style:style style:name=\"\(name)\" style:family=\"table-column\"><style:table-column-properties "
            columnStyles += "style:column-width=\"\(SVGGraphRenderer.number(share * 17))cm\" style:rel-column-width=\"\(Int(share * 65535))*\"/></style:style>\n"
            xml += "<table:table-column table:style-name=\"\(name)\"/>"
        }
        xml += "\n"
        if !table.header.isEmpty {
            xml += "<table:table-header-rows>"
            row(table.header, columns: columns, in: table, header: true)
            xml += "</table:table-header-rows>\n"
        }
        for cells in table.rows {
            row(cells, columns: columns, in: table, header: false)
        }
        xml += "</table:table>\n"
    }

    private mutating func row(_ cells: [Table.Cell], columns: Int, in table: Table, header: Bool) {
        xml += "<table:table-row>"
        for column in 0..<columns {
            let cell = column < cells.count ? cells[column] : Table.Cell([])
            let isHeader = header || (column == 0 && table.hasRowHeaders)
            let cellStyle = cell.normalizedIntensity.map { "Heat\(min(Int($0 * 5), 4))" } ?? (header ? "HeadCell" : "Cell")
            let aligned = switch table.alignment(ofColumn: column) {
            case .left: "Table_20_Contents"
            case .center: "PCenter"
            case .right: "PRight"
            }
            let paragraphStyle = isHeader ? "Table_20_Heading" : aligned
            xml += "<table:table-cell table:style-name=\"\(cellStyle)\" office:value-type=\"string\">"
            paragraph(paragraphStyle) {
                $0.inlines(cell.content)
                // Only a cell without content prints its intensity.
                if let intensity = cell.intensityLabel { $0.xml += intensity }
            }
            xml += "</table:table-cell>"
        }
        xml += "</table:table-row>\n"
    }

    private mutating func graph(_ graph: Graph) {
        graphCount += 1
        let drawing = Paper.drawing(graph, number: graphCount)
        let path = "Pictures/diagram-\(graphCount).svg"
        pictures.append((path, drawing.svg))
        let caption = "Figure \(graphCount): \(drawing.title)"
        let number = graphCount
        paragraph("Caption") { $0.appendText(caption) }
        paragraph("Figure") {
            $0.xml += "<draw:frame draw:style-name=\"Drawing\" draw:name=\"Diagram \(number)\" text:anchor-type=\"as-char\" "
            $0.xml += "svg:width=\"\(SVGGraphRenderer.number(drawing.width))pt\" svg:height=\"\(SVGGraphRenderer.number(drawing.height))pt\">"
            $0.xml += "<draw:image xlink:href=\"\(path)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"
            $0.xml += "<svg:title>"
            $0.appendText(drawing.title)
            $0.xml += "</svg:title><svg:desc>The text version that follows lists each connection.</svg:desc></draw:frame>"
        }
        paragraph("Definition_20_Term") { $0.xml += "Text version of the diagram" }
        list(.unordered, drawing.lines.map { [.paragraph([.text($0)])] })
    }

    private mutating func bookmark(_ anchor: String?) {
        guard let anchor else { return }
        xml += "<text:bookmark text:name=\"\(Paper.bookmark(anchor))\"/>"
    }

    // MARK: - Inlines

    private mutating func inlines(_ inlines: [Inline], insideLink: Bool = false) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                appendText(text)
            case .emphasis(let content):
                xml += "<text:span text:style-name=\"Emphasis\">"
                self.inlines(content, insideLink: insideLink)
                xml += "</text:span>"
            case .strong(let content):
                xml += "<text:span text:style-name=\"Strong_20_Emphasis\">"
                self.inlines(content, insideLink: insideLink)
                xml += "</text:span>"
            case .code(let code), .command(let code, _):
                xml += "<text:span text:style-name=\"Source_20_Text\">"
                appendText(code)
                xml += "</text:span>"
            case .link(let content, let url):
                guard !insideLink, let target = Paper.target(url) else {
                    self.inlines(content, insideLink: insideLink)
                    continue
                }
                link(to: target.hasPrefix("#") ? "#" + Paper.bookmark(String(target.dropFirst())) : target) {
                    $0.inlines(content.isEmpty ? [.text(url)] : content, insideLink: true)
                }
            case .termReference(let text, let termID):
                guard !insideLink else {
                    appendText(text)
                    continue
                }
                link(to: "#" + Paper.bookmark(Inline.anchor(forTerm: termID))) { $0.appendText(text) }
            case .lineBreak:
                xml += "<text:line-break/>"
            }
        }
    }

    private mutating func link(to target: String, _ content: (inout ODTRenderer) -> Void) {
        xml += "<text:a xlink:type=\"simple\" xlink:href=\""
        xml.appendHTMLEscaped(target)
        xml += "\" text:style-name=\"Internet_20_link\" text:visited-style-name=\"Internet_20_link\">"
        content(&self)
        xml += "</text:a>"
    }

    /// Text as ODF keeps it: runs of spaces, tabs and line breaks are elements, since XML
    /// whitespace in a paragraph collapses to one space.
    private mutating func appendText(_ text: some StringProtocol) {
        var spaces = 0
        func flushSpaces(_ xml: inout String) {
            guard spaces > 0 else { return }
            xml += " "
            if spaces > 1 { xml += "<text:s text:c=\"\(spaces - 1)\"/>" }
            spaces = 0
        }
        let run = Substring(text)
        var start = run.startIndex
        var index = run.startIndex
        while index < run.endIndex {
            let character = run[index]
            if character == " " || character == "\t" || character == "\n" || character == "\r\n" {
                if start < index { xml.appendHTMLEscaped(run[start..<index]) }
                if character == " " {
                    spaces += 1
                } else {
                    flushSpaces(&xml)
                    xml += character == "\t" ? "<text:tab/>" : "<text:line-break/>"
                }
                index = run.index(after: index)
                start = index
                continue
            }
            if spaces > 0 { flushSpaces(&xml) }
            index = run.index(after: index)
        }
        if start < run.endIndex { xml.appendHTMLEscaped(run[start...]) }
        flushSpaces(&xml)
    }
}
