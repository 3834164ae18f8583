import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// Reads template files, checking what a file can get wrong and reporting every problem at once:
/// ids that are not identifiers or repeat (a template id across all files, a group or area id
/// within a template, a question id within an area), attributes the council does not have, and
/// an assessment's scale that does not cover 0 to 5.
struct TemplateLoader: Sendable {
    var attributes: AttributeCatalog
    var decoder = YAMLDecoder()

    func load(paths: [ContentPath]) throws(DiagnosticError) -> [CanvasTemplate] {
        var problems = DiagnosticCollector()
        var templates: [CanvasTemplate] = []
        var placed: [String: SourceLocation] = [:]
        // Each file is read on its own, several at once; ids are checked across them in order.
        let readings = EachFile.map(paths) { path in read(path) }
        for (path, reading) in zip(paths, readings) {
            problems.append(contentsOf: reading.problems)
            guard let template = reading.template else { continue }
            let idNode = reading.root?["id"]
            if let earlier = placed[template.id] {
                problems.append(.error(
                    "the template id '\(template.id)' is already used at \(earlier); template ids must be unique across files",
                    at: idNode?.location, file: path.path, keyPath: "id"))
                continue
            }
            placed[template.id] = idNode?.location ?? SourceLocation(file: path.path, line: 1, column: 1)
            templates.append(template)
        }
        try problems.throwIfErrors()
        return templates
    }

    /// One template file read and checked alone: the template when it had no problems, its root
    /// for positions, and its problems.
    private func read(_ path: ContentPath) -> (template: CanvasTemplate?, root: YAMLNode?, problems: [Diagnostic]) {
        let reading = ContentFile<TemplateRecord>.read(
            path, kind: "template file", holding: "'id:', 'provenance:' and 'groups:'", decoder: decoder)
        guard reading.isClean, let record = reading.file, let root = reading.root else { return (nil, reading.root, reading.problems) }
        var own = DiagnosticCollector()
        check(record, root: root, problems: &own)
        let problems = reading.problems + own.diagnostics
        guard !own.hasErrors else { return (nil, root, problems) }
        return (template(from: record, file: path.path), root, problems)
    }

    private func template(from record: TemplateRecord, file: String) -> CanvasTemplate {
        return CanvasTemplate(
            id: record.id, version: record.version, kind: record.kind, title: record.title, summary: record.summary,
            reviewEveryDays: record.reviewEveryDays ?? 91, provenance: record.provenance, attribution: record.attribution,
            scale: (record.scale ?? []).map { .init(score: $0.score, meaning: $0.meaning) },
            groups: record.groups.map { group in
                .init(id: group.id, title: group.title, summary: group.summary, areas: group.areas.map { area in
                    .init(
                        id: area.id, title: area.title, summary: area.summary, attributes: area.attributes ?? [],
                        scored: area.scored ?? false, questions: area.questions.map { .init(id: $0.id, text: $0.text, odi: $0.odi) },
                        odi: area.odi)
                })
            },
            file: file)
    }

    private func check(_ record: TemplateRecord, root: YAMLNode, problems: inout DiagnosticCollector) {
        checkIdentifier(record.id, at: root["id"] ?? root, problems: &problems)
        if let days = record.reviewEveryDays, !(1...3660).contains(days) {
            problems.append(.error("review-every-days must be between 1 and 3660, not \(days)", at: (root["review-every-days"] ?? root).location, keyPath: "review-every-days"))
        }
        var areaIDs: [String: SourceLocation] = [:]
        var groupIDs = Set<String>()
        for (group, groupNode) in zip(record.groups, root["groups"]?.elements ?? []) {
            let idNode = groupNode["id"] ?? groupNode
            checkIdentifier(group.id, at: idNode, problems: &problems)
            if !groupIDs.insert(group.id).inserted {
                problems.append(.error("the group id '\(group.id)' is used twice in this template", at: idNode.location, keyPath: "groups"))
            }
            if group.areas.isEmpty {
                problems.append(.error("the group '\(group.id)' has no areas", at: (groupNode["areas"] ?? groupNode).location, keyPath: "groups"))
            }
            for (area, areaNode) in zip(group.areas, groupNode["areas"]?.elements ?? []) {
                let areaIDNode = areaNode["id"] ?? areaNode
                checkIdentifier(area.id, at: areaIDNode, problems: &problems)
                if let earlier = areaIDs[area.id] {
                    problems.append(.error("the area id '\(area.id)' is already used at line \(earlier.line)", at: areaIDNode.location, keyPath: "areas"))
                }
                areaIDs[area.id] = areaIDNode.location
                problems.append(contentsOf: attributes.check(area.attributes ?? [], nodes: areaNode["attributes"]?.elements ?? []))
                if area.questions.isEmpty {
                    problems.append(.error("the area '\(area.id)' has no guiding questions", at: (areaNode["questions"] ?? areaNode).location, keyPath: "questions"))
                }
                var questionIDs = Set<String>()
                var slots: [String: Int] = [:]
                for (question, questionNode) in zip(area.questions, areaNode["questions"]?.elements ?? []) {
                    let node = questionNode["id"] ?? questionNode
                    checkIdentifier(question.id, at: node, problems: &problems)
                    if !questionIDs.insert(question.id).inserted {
                        problems.append(.error("the question id '\(question.id)' is used twice in the area '\(area.id)'", at: node.location, keyPath: "questions"))
                    }
                    if let slot = question.odi {
                        checkSlot(slot, question: question.id, at: questionNode["odi"] ?? questionNode, taken: &slots, problems: &problems)
                    }
                }
            }
        }
        let scored = record.groups.contains { $0.areas.contains { $0.scored == true } }
        if scored {
            let scores = Set((record.scale ?? []).map(\.score))
            if scores != Set(0...5) {
                problems.append(.error(
                    "a template with scored areas needs a 'scale' giving the meaning of each score 0 to 5",
                    at: (root["scale"] ?? root).location, keyPath: "scale"))
            }
        }
    }

    /// A question's ODI slot: an index where the form needs one (and no other), a rights field
    /// the app has, and no two questions of an area in the same place.
    private func checkSlot(
        _ slot: CanvasTemplate.ODISlot, question: String, at node: YAMLNode, taken: inout [String: Int], problems: inout DiagnosticCollector
    ) {
        let keyPath = "questions.odi"
        var place = slot.form.rawValue
        if slot.form.takesSlot {
            guard let index = slot.slot else {
                problems.append(.error("the form '\(slot.form.rawValue)' needs 'slot', the answer's position in the area's content", at: node.location, keyPath: keyPath))
                return
            }
            guard (0...31).contains(index) else {
                problems.append(.error("the slot \(index) is outside 0 to 31", at: (node["slot"] ?? node).location, keyPath: keyPath))
                return
            }
            place = "slot \(index)"
        } else if slot.slot != nil {
            problems.append(.error("the form '\(slot.form.rawValue)' takes no 'slot'", at: (node["slot"] ?? node).location, keyPath: keyPath))
            return
        }
        let fields = CanvasTemplate.ODISlot.rightsFields.map(\.name)
        if slot.form == .rights {
            guard let field = slot.field, fields.contains(field) else {
                problems.append(.error(
                    "a rights question names its 'field', one of \(fields.joined(separator: ", "))", at: (node["field"] ?? node).location,
                    keyPath: keyPath, suggestion: slot.field.flatMap { Suggestion.didYouMean($0, among: fields) }))
                return
            }
            place = "rights field \(field)"
        } else if slot.field != nil {
            problems.append(.error("only a rights question takes a 'field'", at: (node["field"] ?? node).location, keyPath: keyPath))
            return
        }
        if let earlier = taken[place] {
            problems.append(.error("the question '\(question)' uses \(place), already used on line \(earlier)", at: node.location, keyPath: keyPath))
        }
        taken[place] = node.location.line
    }

    private func checkIdentifier(_ id: String, at node: YAMLNode, problems: inout DiagnosticCollector) {
        if !Identifier.isValid(id) {
            problems.append(.error("the id '\(id)' must be lowercase letters, digits and single hyphens, starting with a letter", at: node.location))
        }
    }
}
