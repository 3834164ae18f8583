import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// Turns a deon ethics checklist (`title`, `sections: [{title, section_id, lines: [{line_id,
/// line_summary, line}]}]`) into a canvas template: one group holding an area per section, a
/// question per line. The template file is written for the council to add to its configuration
/// with `templates+:`; a canvas is then started from it with `new`, like any other.
struct DeonImporter {
    struct Checklist: Decodable {
        var title: String
        var sections: [Section]
    }

    struct Section: Decodable {
        var title: String
        var sectionID: String
        var lines: [Line]

        enum CodingKeys: String, CodingKey {
            case title, sectionID = "section_id", lines
        }
    }

    struct Line: Decodable {
        var lineID: String
        var lineSummary: String?
        var line: String

        enum CodingKeys: String, CodingKey {
            case lineID = "line_id", lineSummary = "line_summary", line
        }
    }

    var today: CalendarDate

    /// The template, as YAML, and its id.
    /// - Parameter takenIDs: the ids of the templates the configuration already has; a checklist
    ///   whose title makes one of them is refused at its title, since the configuration would
    ///   refuse two templates of one id.
    func template(fromFile path: String, takenIDs: Set<String> = []) throws(DiagnosticError) -> (id: String, yaml: YAMLValue) {
        let document = try YAMLParser.parse(file: path)
        guard let root = document.root else { throw .error("the checklist is empty", file: path) }
        let checklist = try YAMLDecoder().decode(Checklist.self, from: root)
        let id = Self.identifier(checklist.title, fallback: "checklist")
        var problems = DiagnosticCollector()
        if takenIDs.contains(id) {
            problems.append(.error(
                "the title '\(checklist.title)' makes the template id '\(id)', which a template of the configuration already has",
                at: (root["title"] ?? root).location, keyPath: "title", suggestion: "give the checklist a title of its own"))
        }
        // The template checks refuse a group without areas and an area without questions; say
        // so here, at the checklist's own line, rather than write a template that is refused later.
        if checklist.sections.isEmpty {
            problems.append(.error(
                "the checklist has no sections; each section becomes an area of the template, and a template needs at least one",
                at: (root["sections"] ?? root).location, keyPath: "sections"))
        }
        var areaIDs = Set<String>()
        let areas = zip(checklist.sections, root["sections"]?.elements ?? []).map { section, node -> YAMLValue in
            let areaID = Self.identifier(section.sectionID, fallback: "section")
            if !areaIDs.insert(areaID).inserted {
                problems.append(.error("the section_id '\(section.sectionID)' is used twice", at: (node["section_id"] ?? node).location))
            }
            if section.lines.isEmpty {
                problems.append(.error(
                    "the section '\(section.sectionID)' has no lines; each line becomes a question of its area, and an area needs at least one",
                    at: (node["lines"] ?? node).location, keyPath: "sections.lines"))
            }
            var questionIDs = Set<String>()
            let questions = zip(section.lines, node["lines"]?.elements ?? []).map { line, lineNode -> YAMLValue in
                let questionID = Self.identifier(line.lineID, fallback: "item")
                if !questionIDs.insert(questionID).inserted {
                    problems.append(.error("the line_id '\(line.lineID)' is used twice in section '\(section.sectionID)'", at: (lineNode["line_id"] ?? lineNode).location))
                }
                let text = line.lineSummary.map { "\($0): \(line.line)" } ?? line.line
                return .mapping(["id": .string(questionID), "text": .string(text)])
            }
            return .mapping([
                "id": .string(areaID), "title": .string(section.title), "attributes": .sequence([]), "questions": .sequence(questions),
            ])
        }
        try problems.throwIfErrors()
        let yaml = YAMLValue.mapping([
            "id": .string(id),
            "version": .string("1"),
            "kind": .string("canvas"),
            "title": .string(checklist.title),
            "summary": .string("Imported from the deon checklist \(path)."),
            "review-every-days": .int(91),
            "provenance": .mapping([
                "source": .string(checklist.title),
                "publisher": .string("deon ethics checklist (DrivenData); edit to name the checklist's author"),
                "url": .string("https://deon.drivendata.org/"),
                "licence": .string("MIT (deon); check the licence of this checklist's text"),
                "retrieved": .string(today.description),
            ]),
            "groups": .sequence([.mapping([
                "id": .string("checklist"), "title": .string(checklist.title), "areas": .sequence(areas),
            ])]),
        ])
        return (id, yaml)
    }

    /// What to do with the template written at `path`, in words that work: the configuration
    /// only accepts content files inside its own folder, so a template written elsewhere (the
    /// current folder, say) must be moved there first, and the path to add is relative to it.
    static func advice(forTemplateAt path: String, id: String, configFile: String) -> String {
        let folder = ContentPath.directory(of: configFile)
        let absolute = ContentPath.resolve(path, relativeTo: ContentPath.currentDirectory())
        let name = absolute.split(separator: "/").last.map(String.init) ?? absolute
        if ContentPath.isWithin(absolute, root: folder) {
            let relative = String(absolute.dropFirst(folder.count).drop { $0 == "/" })
            return "add it to \(configFile) under plugins: canvas-builder: templates+: [\(relative)], then `new --template \(id)`"
        }
        return "the configuration only reads files inside its own folder, so move it to \(folder)/local/\(name), "
            + "add it to \(configFile) under plugins: canvas-builder: templates+: [local/\(name)], then `new --template \(id)`"
    }

    /// Lowercase letters, digits and single hyphens, starting with a letter.
    static func identifier(_ text: String, fallback: String) -> String {
        var slug = Inline.anchorSlug(text.lowercased()).replacing("_", with: "-")
        while slug.contains("--") { slug = slug.replacing("--", with: "-") }
        slug = String(slug.drop { $0 == "-" })
        while slug.hasSuffix("-") { slug.removeLast() }
        if let first = slug.first, !first.isLetter { slug = "\(fallback)-\(slug)" }
        return slug.isEmpty ? fallback : slug
    }
}
