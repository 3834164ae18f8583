import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// Reads and writes a canvas file: YAML the team keeps with its project, reviews in pull
/// requests and edits by hand when it likes.
///
/// Writing goes through `SafeFile`, so an interrupted `fill` leaves the previous file whole. A new
/// file is readable by its owner only (0600): a canvas can name datasets, people and risks that
/// are not for everyone on a shared server. The team shares it through its project repository
/// (git keeps no read permissions) or widens the mode itself; an existing file keeps its mode.
enum CanvasFile {
    static let mode: UInt32 = 0o600

    /// Reads `path` and checks it against its template: every problem, positioned, at once.
    static func read(_ path: String, templates: TemplateStore) throws(DiagnosticError) -> (Canvas, CanvasTemplate) {
        let document = try YAMLParser.parse(file: path)
        guard let root = document.root else {
            throw .error("the file is empty; a canvas file starts with 'template:' and 'title:'", file: path)
        }
        var problems = DiagnosticCollector()
        // Decoding problems (a bad date, a priority outside the list) are collected with the
        // checks against the template below, so one run reports them all.
        guard let record = YAMLDecoder().decode(CanvasRecord.self, from: root, collectingInto: &problems) else {
            try problems.throwIfErrors()
            throw .error("the file is not a canvas", file: path)
        }
        let template: CanvasTemplate
        do {
            template = try templates.template(record.template, at: root["template"]?.location)
        } catch {
            problems.append(contentsOf: error.diagnostics)
            throw DiagnosticError(problems.diagnostics)
        }
        var canvas = Canvas(
            template: record.template, templateVersion: record.templateVersion, title: record.title, uuid: record.uuid,
            created: record.created, updated: record.updated, reviewBy: record.reviewBy, record: record.record,
            areas: [], actions: [], odi: record.odi.flatMap { passthrough($0, problems: &problems) })
        if let areas = record.areas {
            canvas.areas = readAreas(areas, template: template, problems: &problems)
        }
        for (action, node) in zip(record.actions ?? [], root["actions"]?.elements ?? []) {
            if let area = action.area, !area.isEmpty {
                checkArea(area, at: node["area"] ?? node, template: template, keyPath: "actions.area", problems: &problems)
            }
            canvas.actions.append(CanvasAction(
                title: action.title, description: action.description, priority: action.priority, owner: action.owner,
                area: action.area, type: action.type ?? .action))
        }
        try problems.throwIfErrors()
        return (canvas, template)
    }

    private static func readAreas(_ node: YAMLNode, template: CanvasTemplate, problems: inout DiagnosticCollector) -> [CanvasArea] {
        guard node.kind == .mapping || node.isNull else {
            problems.append(.error("'areas' must map each area id to its status, notes and answers", at: node.location, keyPath: "areas"))
            return []
        }
        var areas: [CanvasArea] = []
        for (key, value) in node.entries {
            let id = key.text ?? ""
            guard let area = checkArea(id, at: key, template: template, keyPath: "areas", problems: &problems) else { continue }
            var decoder = YAMLDecoder()
            decoder.keyPathPrefix = ["areas", id]
            guard let record = decoder.decode(CanvasAreaRecord.self, from: value, collectingInto: &problems) else { continue }
            var entry = CanvasArea(id: id, status: record.status, score: record.score, notes: record.notes)
            if let score = record.score {
                checkScore(score, for: area, at: value["score"] ?? value, template: template, problems: &problems)
            }
            for (question, answer) in checkedAnswers(record.answers, for: area, problems: &problems) {
                if let answer { entry.setAnswer(question, answer) }
            }
            entry.odi = record.odi.flatMap { passthrough($0, problems: &problems) }
            areas.append(entry)
        }
        return areas
    }

    /// The template's area `id`, or a positioned error with a did-you-mean.
    @discardableResult
    static func checkArea(_ id: String, at node: YAMLNode, template: CanvasTemplate, keyPath: String, problems: inout DiagnosticCollector) -> CanvasTemplate.Area? {
        if let area = template.area(id) { return area }
        let ids = template.areas.map(\.id)
        problems.append(.error(
            "unknown area '\(id)' in template '\(template.id)'", at: node.location, keyPath: keyPath,
            suggestion: Suggestion.didYouMean(id, among: ids) ?? "its areas are \(ids.joined(separator: ", "))"))
        return nil
    }

    /// Reports a score given to an area that takes none, or one outside the template's scale.
    static func checkScore(
        _ score: Int, for area: CanvasTemplate.Area, at node: YAMLNode, template: CanvasTemplate, problems: inout DiagnosticCollector
    ) {
        let keyPath = "areas.\(area.id).score"
        if !area.scored {
            let scored = template.areas.filter(\.scored).map(\.id).joined(separator: ", ")
            problems.append(.error("the area '\(area.id)' is not scored; only \(scored) take a score", at: node.location, keyPath: keyPath))
        } else if !template.scores.contains(score) {
            problems.append(.error("the score \(score) is outside 0 to 5", at: node.location, keyPath: keyPath))
        }
    }

    /// The answers written under an area, each naming one of its questions and holding text (nil
    /// when written as null, which clears an answer); anything else is reported and left out.
    static func checkedAnswers(
        _ node: YAMLNode?, for area: CanvasTemplate.Area, problems: inout DiagnosticCollector
    ) -> [(question: String, answer: String?)] {
        var answers: [(question: String, answer: String?)] = []
        for (questionNode, answerNode) in node?.entries ?? [] {
            let question = questionNode.text ?? ""
            guard area.questions.contains(where: { $0.id == question }) else {
                let ids = area.questions.map(\.id)
                problems.append(.error(
                    "the area '\(area.id)' has no question '\(question)'", at: questionNode.location, keyPath: "areas.\(area.id).answers",
                    suggestion: Suggestion.didYouMean(question, among: ids) ?? "its questions are \(ids.joined(separator: ", "))"))
                continue
            }
            guard answerNode.kind == .scalar else {
                problems.append(.error(
                    "an answer is text; write it as a single value (use '|' for several lines)", at: answerNode.location,
                    keyPath: "areas.\(area.id).answers.\(question)"))
                continue
            }
            answers.append((question, answerNode.isNull ? nil : answerNode.text ?? ""))
        }
        return answers
    }

    private static func passthrough(_ record: PassthroughRecord, problems: inout DiagnosticCollector) -> ODIPassthrough? {
        guard case .object(let fields) = JSONValue(yaml: record.fields) else {
            problems.append(.error("'odi.fields' must be a mapping", at: record.fields.location))
            return nil
        }
        return ODIPassthrough(keys: record.keys, fields: fields)
    }

    // MARK: Writing

    /// The name (before `.canvas.yaml`) of the file for a canvas titled `title`: its slug, or
    /// `canvas` when the title has no letter or digit to make one of.
    static func stem(for title: String) -> String {
        SafeFile.stem(for: title, otherwise: "canvas")
    }

    static func write(_ canvas: Canvas, to path: String) throws(DiagnosticError) {
        let text: String
        do {
            text = try YAMLEmitter.emit(yaml(canvas).node(file: path))
        } catch {
            throw .error("cannot write the canvas: \(error)", file: path)
        }
        do {
            try SafeFile.write(text, to: path, mode: mode)
        } catch {
            throw .error("cannot write the canvas: \(error.reason)", file: path)
        }
    }

    static func yaml(_ canvas: Canvas) -> YAMLValue {
        var pairs: [YAMLPair] = [
            YAMLPair("template", .string(canvas.template)),
            YAMLPair("template-version", .string(canvas.templateVersion)),
            YAMLPair("title", .string(canvas.title)),
        ]
        if let uuid = canvas.uuid { pairs.append(YAMLPair("uuid", .string(uuid))) }
        pairs.append(YAMLPair("created", .string(canvas.created.description)))
        pairs.append(YAMLPair("updated", .string(canvas.updated.description)))
        if let reviewBy = canvas.reviewBy { pairs.append(YAMLPair("review-by", .string(reviewBy.description))) }
        if let record = canvas.record { pairs.append(YAMLPair("record", .string(record))) }
        pairs.append(YAMLPair("areas", .mapping(canvas.areas.map { YAMLPair($0.id, yaml($0)) })))
        pairs.append(YAMLPair("actions", .sequence(canvas.actions.map(yaml))))
        if let odi = canvas.odi { pairs.append(YAMLPair("odi", yaml(odi))) }
        return .mapping(pairs)
    }

    private static func yaml(_ area: CanvasArea) -> YAMLValue {
        var pairs: [YAMLPair] = [YAMLPair("status", area.status.map { .string($0.rawValue) } ?? .null)]
        if let score = area.score { pairs.append(YAMLPair("score", .int(score))) }
        pairs.append(YAMLPair("notes", area.notes.map(YAMLValue.string) ?? .null))
        pairs.append(YAMLPair("answers", .mapping(area.answers.map { YAMLPair($0.question, .string($0.text)) })))
        if let odi = area.odi { pairs.append(YAMLPair("odi", yaml(odi))) }
        return .mapping(pairs)
    }

    private static func yaml(_ action: CanvasAction) -> YAMLValue {
        .mapping([
            YAMLPair("title", .string(action.title)),
            YAMLPair("description", action.description.map(YAMLValue.string) ?? .null),
            YAMLPair("priority", action.priority.map { .string($0.rawValue) } ?? .null),
            YAMLPair("owner", action.owner.map(YAMLValue.string) ?? .null),
            YAMLPair("area", action.area.map(YAMLValue.string) ?? .null),
            YAMLPair("type", .string(action.type.rawValue)),
        ])
    }

    private static func yaml(_ passthrough: ODIPassthrough) -> YAMLValue {
        .mapping([
            YAMLPair("keys", .sequence(passthrough.keys.map(YAMLValue.string))),
            YAMLPair("fields", JSONValue.object(passthrough.fields).yaml),
        ])
    }
}
