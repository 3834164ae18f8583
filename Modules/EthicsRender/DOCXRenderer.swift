import EthicsCore

/// Writes a document as a Word document (Office Open XML), the format council committee systems
/// take.
///
/// As in the ODT paper (see ``ODTRenderer``), structure is structure: the Title style, then Word's
/// built-in Heading 1…5 (so the navigation pane, a table of contents and python-docx find them),
/// numbered and bulleted lists through Word's numbering, tables whose header row repeats on every
/// page, links and bookmarks, the council's name (and logo) in the header and "Page N of M" in
/// the footer. Diagrams are SVG pictures (with a PNG for older Word), each followed by its text
/// version.
struct DOCXRenderer {
    private var xml = ""
    private var tableCount = 0
    private var graphCount = 0
    private var headingLevel = 0
    private var bookmarkCount = 0
    private var pictureCount = 0
    /// The document part's relationships beyond the fixed ones: links and pictures.
    private var relationships: [(id: String, type: String, target: String, external: Bool)] = []
    private var media: [(path: String, bytes: [UInt8])] = []
    /// One numbering instance per list, so each numbered list starts at 1; bullets share one.
    private var numberedLists = 0

    /// Text width of an A4 page with 2 cm margins, in twentieths of a point.
    private static let textWidth = 9638
    private static let emuPerPoint = 12700.0

    static func render(_ document: Document, branding: Branding?) throws(RenderError) -> [UInt8] {
        var renderer = DOCXRenderer()
        renderer.body(document)
        let logo = branding?.logo.flatMap(PaperLogo.init)
        var package = PaperPackage()
        package.add("[Content_Types].xml", xml: contentTypes)
        package.add("_rels/.rels", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """)
        package.add("docProps/core.xml", xml: core(document))
        package.add("word/document.xml", xml: renderer.documentPart(document))
        package.add("word/styles.xml", xml: styles)
        package.add("word/numbering.xml", xml: renderer.numbering)
        package.add("word/header1.xml", xml: header(branding, logo: logo))
        package.add("word/footer1.xml", xml: footer(branding))
        var rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
            <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
            """
        for relationship in renderer.relationships {
            rels += "<Relationship Id=\"\(relationship.id)\" Type=\"\(relationship.type)\" Target=\""
            rels.appendHTMLEscaped(relationship.target)
            rels += relationship.external ? "\" TargetMode=\"External\"/>\n" : "\"/>\n"
        }
        package.add("word/_rels/document.xml.rels", xml: rels + "</Relationships>\n")
        if let logo {
            package.add("word/media/logo.\(logo.fileExtension)", bytes: logo.bytes, compressed: false)
            package.add("word/_rels/header1.xml.rels", xml: """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.\(logo.fileExtension)"/>\
                </Relationships>
                """)
        }
        for item in renderer.media {
            package.add(item.path, bytes: item.bytes)
        }
        return try package.archive(format: .docx)
    }

    // MARK: - Parts

    private static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
        xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"
        """

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Default Extension="svg" ContentType="image/svg+xml"/>\
        <Default Extension="jpg" ContentType="image/jpeg"/>\
        <Default Extension="gif" ContentType="image/gif"/>\
        <Default Extension="webp" ContentType="image/webp"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    private static func core(_ document: Document) -> String {
        var title = ""
        title.appendHTMLEscaped(document.title)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(title)</dc:title><dc:creator>EthicsToolkit</dc:creator>\
            <dc:language>en-GB</dc:language></cp:coreProperties>
            """
    }

    private static func header(_ branding: Branding?, logo: PaperLogo?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
        let name = branding?.name ?? ""
        if let logo {
            let height = 26.0
            xml += picture(relationship: "rIdLogo", svgRelationship: nil, id: 9000, name: "Logo", description: name,
                           width: height * logo.aspectRatio, height: height)
            xml += "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        }
        xml += "<w:r><w:t xml:space=\"preserve\">"
        xml.appendHTMLEscaped(name)
        return xml + "</w:t></w:r></w:p></w:hdr>\n"
    }

    private static func footer(_ branding: Branding?) -> String {
        var text = ""
        text.appendHTMLEscaped(Paper.colophon(branding))
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr \(namespaces)><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
            <w:r><w:t xml:space="preserve">\(text) </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
            """
    }

    private static let styles: String = {
        func paragraphStyle(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, pPr: String = "", rPr: String = "", extra: String = "") -> String {
            var style = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            if let basedOn { style += "<w:basedOn w:val=\"\(basedOn)\"/>" }
            if let next { style += "<w:next w:val=\"\(next)\"/>" }
            style += extra + "<w:qFormat/>"
            if !pPr.isEmpty { style += "<w:pPr>\(pPr)</w:pPr>" }
            if !rPr.isEmpty { style += "<w:rPr>\(rPr)</w:rPr>" }
            return style + "</w:style>\n"
        }
        var styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>\
            <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>

            """
        styles += paragraphStyle("Title", "Title", next: "Normal", pPr: "<w:keepNext/><w:spacing w:after=\"120\"/>", rPr: "<w:b/><w:sz w:val=\"44\"/>")
        styles += paragraphStyle("Subtitle", "Subtitle", next: "Normal", pPr: "<w:keepNext/>", rPr: "<w:color w:val=\"505A5F\"/><w:sz w:val=\"28\"/>")
        let sizes = [32, 28, 25, 23, 22]
        for level in 1...5 {
            styles += paragraphStyle(
                "Heading\(level)", "heading \(level)", next: "Normal",
                pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 320 : 240)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                rPr: "<w:b/><w:sz w:val=\"\(sizes[level - 1])\"/><w:szCs w:val=\"\(sizes[level - 1])\"/>")
        }
        styles += paragraphStyle("Caption", "caption", pPr: "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"60\"/>", rPr: "<w:b/>")
        styles += paragraphStyle("ListParagraph", "List Paragraph", pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/>")
        styles += paragraphStyle("Quote", "Quote", pPr: "<w:ind w:left=\"567\" w:right=\"567\"/>", rPr: "<w:i/>")
        styles += paragraphStyle("Code", "Code", pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", rPr: "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/><w:sz w:val=\"19\"/>")
        styles += paragraphStyle("DefinitionTerm", "Definition Term", pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>", rPr: "<w:b/>")
        styles += paragraphStyle("DefinitionDetails", "Definition Details", pPr: "<w:ind w:left=\"340\"/>")
        styles += paragraphStyle("Callout", "Callout", pPr: "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"1D70B8\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F2F1\"/><w:ind w:left=\"284\"/>")
        styles += paragraphStyle("Metadata", "Metadata", pPr: "<w:spacing w:after=\"20\"/>")
        styles += paragraphStyle("TableText", "Table Text", pPr: "<w:spacing w:after=\"0\"/>", rPr: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        styles += paragraphStyle("TableHeading", "Table Heading", basedOn: "TableText", rPr: "<w:b/>")
        styles += paragraphStyle("Rule", "Horizontal Line", pPr: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"B1B4B6\"/></w:pBdr>")
        styles += paragraphStyle("Header", "header", pPr: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"B1B4B6\"/></w:pBdr>", rPr: "<w:b/>")
        styles += paragraphStyle("Footer", "footer", pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:color w:val=\"505A5F\"/><w:sz w:val=\"18\"/>")
        styles += """
            <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr></w:style>
            <w:style w:type="character" w:styleId="CodeChar"><w:name w:val="Code Char"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/><w:sz w:val="19"/></w:rPr></w:style>
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>\
            </w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            </w:styles>

            """
        return styles
    }()

    /// Bullets (one instance for every bulleted list) and decimal numbers (a fresh instance per
    /// numbered list, so each starts at 1).
    private var numbering: String {
        func levels(ordered: Bool) -> String {
            (0..<9).map { level in
                let format = ordered ? (level % 2 == 0 ? "decimal" : "lowerLetter") : "bullet"
                let text = ordered ? "%\(level + 1)." : (level % 2 == 0 ? "•" : "◦")
                return "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/>"
                    + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(360 * (level + 1) + 360)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            }.joined()
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>\(levels(ordered: false))</w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>\(levels(ordered: true))</w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        for list in 0..<numberedLists {
            xml += "<w:num w:numId=\"\(list + 2)\"><w:abstractNumId w:val=\"1\"/>"
            for level in 0..<9 {
                xml += "<w:lvlOverride w:ilvl=\"\(level)\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
            }
            xml += "</w:num>"
        }
        return xml + "</w:numbering>\n"
    }

    private func documentPart(_ document: Document) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(Self.namespaces)><w:body>
        \(xml)<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>\
        <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
        </w:body></w:document>
        """
    }

    // MARK: - Body

    private mutating func body(_ document: Document) {
        xml.reserveCapacity(4096)
        paragraph("Title") { $0.run(document.title) }
        if let subtitle = document.subtitle {
            paragraph("Subtitle") { $0.run(subtitle) }
        }
        for entry in document.metadata {
            paragraph("Metadata") {
                $0.run(entry.key + ":", format: Format(bold: true))
                $0.run(" " + entry.value)
            }
        }
        blocks(document.blocks, style: "Normal")
    }

    private struct Format {
        var bold = false
        var italic = false
        var code = false
        var link = false

        var properties: String {
            var rPr = ""
            if link { rPr += "<w:rStyle w:val=\"Hyperlink\"/>" } else if code { rPr += "<w:rStyle w:val=\"CodeChar\"/>" }
            if code && link { rPr += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>" }
            if bold { rPr += "<w:b/>" }
            if italic { rPr += "<w:i/>" }
            return rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>"
        }
    }

    /// A paragraph; `properties` are extra paragraph properties after the style (numbering,
    /// alignment).
    private mutating func paragraph(_ style: String, properties: String = "", _ content: (inout DOCXRenderer) -> Void) {
        xml += "<w:p>"
        if style != "Normal" || !properties.isEmpty {
            xml += "<w:pPr>"
            if style != "Normal" { xml += "<w:pStyle w:val=\"\(style)\"/>" }
            xml += properties + "</w:pPr>"
        }
        content(&self)
        xml += "</w:p>\n"
    }

    private mutating func blocks(_ blocks: [Block], style: String) {
        for block in blocks { self.block(block, style: style) }
    }

    private mutating func block(_ block: Block, style: String) {
        switch block {
        case .heading(let level, let content, let anchor):
            headingLevel = min(Paper.outlineLevel(level), headingLevel + 1)
            paragraph("Heading\(headingLevel)") {
                $0.bookmark(anchor)
                $0.inlines(content, Format())
            }
        case .paragraph(let content):
            paragraph(style) { $0.inlines(content, Format()) }
        case .list(let kind, let items):
            list(kind, items, depth: 0)
        case .table(let table):
            self.table(table)
        case .definitions(let definitions):
            for definition in definitions {
                paragraph("DefinitionTerm") {
                    $0.bookmark(definition.anchor)
                    $0.inlines(definition.term, Format())
                }
                blocks(definition.details, style: "DefinitionDetails")
            }
        case .quote(let content):
            blocks(content, style: "Quote")
        case .code(let code, _):
            paragraph("Code") {
                for (index, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { $0.xml += "<w:r><w:br/></w:r>" }
                    $0.run(line)
                }
            }
        case .graph(let graph):
            self.graph(graph)
        case .callout(let kind, let title, let content):
            paragraph("Callout") {
                $0.run(kind == .warning ? "Warning" : "Note", format: Format(bold: true))
                if !title.isEmpty {
                    $0.run(": ")
                    $0.inlines(title, Format())
                }
            }
            blocks(content, style: "Callout")
        case .thematicBreak:
            paragraph("Rule") { _ in }
        case .form(let form):
            blocks(form.worksheet, style: style)
        }
    }

    private mutating func list(_ kind: Block.ListKind, _ items: [[Block]], depth: Int) {
        let numID: Int
        if kind == .ordered {
            numberedLists += 1
            numID = numberedLists + 1
        } else {
            numID = 1
        }
        let level = min(depth, 8)
        let indent = "<w:ind w:left=\"\(360 * (level + 1) + 360)\"/>"
        for item in items {
            var numbered = false
            func marker() -> String {
                defer { numbered = true }
                return numbered ? indent : "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
            }
            if item.isEmpty { paragraph("ListParagraph", properties: marker()) { _ in } }
            for block in item {
                switch block {
                case .paragraph(let content):
                    paragraph("ListParagraph", properties: marker()) { $0.inlines(content, Format()) }
                case .list(let kind, let nested):
                    if !numbered { paragraph("ListParagraph", properties: marker()) { _ in } }
                    list(kind, nested, depth: depth + 1)
                default:
                    paragraph("ListParagraph", properties: marker()) { $0.run(block.plainText) }
                }
            }
        }
    }

    private mutating func table(_ table: Table) {
        tableCount += 1
        let number = tableCount
        if !table.caption.isEmpty {
            paragraph("Caption") {
                $0.run("Table \(number): ")
                $0.inlines(table.caption, Format())
            }
        }
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        xml += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"\(table.hasRowHeaders ? 1 : 0)\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        let widths = table.columnShares.map { Int($0 * Double(Self.textWidth)) }
        for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>\n"
        if !table.header.isEmpty {
            row(table.header, widths: widths, in: table, header: true)
        }
        for cells in table.rows {
            row(cells, widths: widths, in: table, header: false)
        }
        xml += "</w:tbl>\n"
        // Word needs a paragraph between two tables, or it joins them.
        paragraph("TableText") { _ in }
    }

    private mutating func row(_ cells: [Table.Cell], widths: [Int], in table: Table, header: Bool) {
        let columns = widths.count
        xml += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        for column in 0..<columns {
            let cell = column < cells.count ? cells[column] : Table.Cell([])
            let isHeader = header || (column == 0 && table.hasRowHeaders)
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/>"
            var white = false
            if let value = cell.normalizedIntensity {
                let step = min(Int(value * 5), 4)
                white = step == 4
                xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(ODTRenderer.heatColours[step].dropFirst().uppercased())\"/>"
            } else if header {
                xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F2F1\"/>"
            }
            xml += "</w:tcPr>"
            let alignment = switch table.alignment(ofColumn: column) {
            case .left: ""
            case .center: "<w:jc w:val=\"center\"/>"
            case .right: "<w:jc w:val=\"right\"/>"
            }
            let strong = cell.normalizedIntensity.map { min(Int($0 * 5), 4) >= 3 } ?? false
            paragraph(isHeader ? "TableHeading" : "TableText", properties: isHeader ? "" : alignment) {
                $0.inlines(cell.content, Format())
                if let text = cell.intensityLabel {
                    if white {
                        $0.xml += "<w:r><w:rPr><w:b/><w:color w:val=\"FFFFFF\"/></w:rPr>"
                        $0.text(text)
                        $0.xml += "</w:r>"
                    } else {
                        $0.run(text, format: Format(bold: strong))
                    }
                }
            }
            xml += "</w:tc>"
        }
        xml += "</w:tr>\n"
    }

    private mutating func graph(_ graph: Graph) {
        graphCount += 1
        let drawing = Paper.drawing(graph, number: graphCount)
        let svgID = relationship(image: "media/diagram-\(graphCount).svg", bytes: drawing.svg)
        let pngID = relationship(image: "media/diagram-\(graphCount).png", bytes: PaperRaster.png(of: graph))
        let caption = "Figure \(graphCount): \(drawing.title)"
        paragraph("Caption") { $0.run(caption) }
        pictureCount += 1
        xml += "<w:p><w:pPr><w:keepNext/></w:pPr>"
        xml += Self.picture(
            relationship: pngID, svgRelationship: svgID, id: pictureCount, name: "Diagram \(graphCount)",
            description: drawing.title + ". The text version that follows lists each connection.",
            width: drawing.width, height: drawing.height)
        xml += "</w:p>\n"
        paragraph("DefinitionTerm") { $0.run("Text version of the diagram") }
        list(.unordered, drawing.lines.map { [.paragraph([.text($0)])] }, depth: 0)
    }

    private mutating func relationship(image path: String, bytes: [UInt8]) -> String {
        media.append(("word/" + path, bytes))
        let id = "rIdMedia\(media.count)"
        relationships.append((id, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", path, false))
        return id
    }

    /// An inline picture of `width` × `height` points. With `svgRelationship` the picture is the
    /// SVG (Word 2016 and later, LibreOffice) and `relationship` names its PNG stand-in.
    private static func picture(relationship: String, svgRelationship: String?, id: Int, name: String, description: String, width: Double, height: Double) -> String {
        let cx = Int(width * emuPerPoint)
        let cy = Int(height * emuPerPoint)
        var descr = ""
        descr.appendHTMLEscaped(description)
        var xml = "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
        xml += "<wp:docPr id=\"\(id)\" name=\"\(name)\" descr=\"\(descr)\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        xml += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        xml += "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"\(name)\" descr=\"\(descr)\"/><pic:cNvPicPr/></pic:nvPicPr>"
        xml += "<pic:blipFill><a:blip r:embed=\"\(relationship)\">"
        if let svgRelationship {
            xml += "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip r:embed=\"\(svgRelationship)\"/></a:ext></a:extLst>"
        }
        xml += "</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        xml += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        xml += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        return xml
    }

    private mutating func bookmark(_ anchor: String?) {
        guard let anchor else { return }
        bookmarkCount += 1
        xml += "<w:bookmarkStart w:id=\"\(bookmarkCount)\" w:name=\"\(Paper.bookmark(anchor))\"/><w:bookmarkEnd w:id=\"\(bookmarkCount)\"/>"
    }

    // MARK: - Inlines

    private mutating func inlines(_ inlines: [Inline], _ format: Format) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                run(text, format: format)
            case .emphasis(let content):
                var inner = format
                inner.italic = true
                self.inlines(content, inner)
            case .strong(let content):
                var inner = format
                inner.bold = true
                self.inlines(content, inner)
            case .code(let code), .command(let code, _):
                var inner = format
                inner.code = true
                run(code, format: inner)
            case .link(let content, let url):
                guard !format.link, let target = Paper.target(url) else {
                    self.inlines(content, format)
                    continue
                }
                link(to: target) { $0.inlines(content.isEmpty ? [.text(url)] : content, $1) }
            case .termReference(let text, let termID):
                guard !format.link else {
                    run(text, format: format)
                    continue
                }
                link(to: "#" + Inline.anchor(forTerm: termID)) { $0.run(text, format: $1) }
            case .lineBreak:
                xml += "<w:r><w:br/></w:r>"
            }
        }
    }

    private mutating func link(to target: String, _ content: (inout DOCXRenderer, Format) -> Void) {
        if target.hasPrefix("#") {
            xml += "<w:hyperlink w:anchor=\"\(Paper.bookmark(String(target.dropFirst())))\">"
        } else {
            let id = "rIdLink\(relationships.count + 1)"
            relationships.append((id, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", target, true))
            xml += "<w:hyperlink r:id=\"\(id)\" w:history=\"1\">"
        }
        content(&self, Format(link: true))
        xml += "</w:hyperlink>"
    }

    /// A run of text: line breaks and tabs become Word's own elements.
    private mutating func run(_ text: some StringProtocol, format: Format = Format()) {
        guard !text.isEmpty else { return }
        xml += "<w:r>" + format.properties
        self.text(text)
        xml += "</w:r>"
    }

    private mutating func text(_ text: some StringProtocol) {
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { xml += "<w:br/>" }
            first = false
            var firstPiece = true
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                if !firstPiece { xml += "<w:tab/>" }
                firstPiece = false
                guard !piece.isEmpty else { continue }
                xml += "<w:t xml:space=\"preserve\">"
                xml.appendHTMLEscaped(piece)
                xml += "</w:t>"
            }
        }
    }
}
