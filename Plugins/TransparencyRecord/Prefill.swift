import EthicsCore
import EthicsYAML
import Foundation

/// What the toolkit already knows about a tool, as answers to the standard's fields, each with
/// where it came from: a Data Ethics Canvas file (the purpose, benefit, data sources, harms and
/// mitigations) or a decision in the register (how it was decided, on what conditions, who
/// signed it off, the assessments it cites).
///
/// Read through the files' and the register's own shapes (YAML and JSON), never through another
/// plugin's types: a plugin does not import another.
struct Prefill: Sendable {
    struct Entry: Sendable {
        var field: String
        var value: FormValue
        var from: String
    }

    /// The tool's name as the source gives it.
    var name: String
    /// "canvas housing.canvas.yaml" or "decision dec-2026-0001".
    var origin: String
    var entries: [Entry] = []
    /// Impact assessments in the register that the record lists (section 5).
    var assessments: [String] = []

    // MARK: From a canvas

    /// Where each field's answer is found in an ODI Data Ethics Canvas (area, question), in order;
    /// answers for one field are joined as paragraphs.
    static let canvasMap: [(field: String, area: String, question: String)] = [
        ("description", "reasons", "purpose"),
        ("detailed-description", "reasons", "purpose"),
        ("detailed-description", "reasons", "uses"),
        ("scope", "reasons", "uses"),
        ("benefit", "reasons", "benefit"),
        ("benefit", "positive-effects", "who-gains"),
        ("benefit", "public-benefit", "benefit"),
        ("previous-process", "reasons", "replacing"),
        ("provided-information", "communicating", "explain"),
        ("required-training", "implementation", "training"),
        ("appeals-and-review", "engaging", "appeals-fair"),
        ("appeals-and-review", "engaging", "challenge"),
        ("maintenance", "review", "monitoring"),
        ("maintenance", "review", "when"),
    ]

    static func fromCanvas(_ path: String) throws(DiagnosticError) -> Prefill {
        let document = try YAMLParser.parse(file: path)
        guard let root = document.root, root.kind == .mapping, root["template"]?.text != nil, let title = root["title"]?.text else {
            throw .error(
                "this is not a canvas file: it has no 'template:' and 'title:'", at: document.root?.location, file: path,
                suggestion: "make one with 'ethics canvas-builder new'")
        }
        let areas = root["areas"]
        func answer(_ area: String, _ question: String) -> String? {
            guard let text = areas?[area]?["answers"]?[question]?.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        let name = (path as NSString).lastPathComponent
        var prefill = Prefill(name: title, origin: "canvas \(name)")
        var joined: [(field: String, parts: [String], from: [String])] = []
        for (field, area, question) in canvasMap {
            guard let text = answer(area, question) else { continue }
            if let index = joined.firstIndex(where: { $0.field == field }) {
                joined[index].parts.append(text)
                joined[index].from.append("\(area)/\(question)")
            } else {
                joined.append((field, [text], ["\(area)/\(question)"]))
            }
        }
        for entry in joined {
            prefill.entries.append(Entry(
                field: entry.field, value: .text(entry.parts.joined(separator: "\n\n")),
                from: "canvas \(name): " + entry.from.joined(separator: ", ")))
        }
        // Data sources, one a line: title — description — web address — owner.
        if let sources = answer("sources", "which-sources") {
            let items = lines(sources).map { parts -> FormAnswers in
                var item = FormAnswers()
                item["name"] = .text(parts[0])
                if parts.count > 1, !parts[1].isEmpty { item["description"] = .text(parts[1]) }
                if parts.count > 2, !parts[2].isEmpty { item["source-url"] = .text(parts[2]) }
                if let sensitive = answer("rights", "sensitive-data") { item["sensitive-attributes"] = .text(sensitive) }
                if let gaps = answer("limitations", "gaps-and-bias") { item["completeness"] = .text(gaps) }
                if let sharing = answer("sharing", "who-receives") { item["sharing"] = .text(sharing) }
                return item
            }
            if !items.isEmpty {
                prefill.entries.append(Entry(
                    field: "datasets", value: .items(items),
                    from: "canvas \(name): sources/which-sources (with rights, limitations and sharing)"))
            }
        }
        // Harms become risks; the team's steps against harm are their mitigation.
        let mitigation = ["steps", "reduce-limits", "track-harm"].compactMap { answer("mitigations", $0) }.joined(separator: "\n\n")
        var risks: [FormAnswers] = []
        for (question, label) in [("who-harmed", ""), ("privacy-security", "Privacy and security"), ("fairness", "Fairness")] {
            guard let text = answer("negative-effects", question) else { continue }
            for parts in question == "who-harmed" ? lines(text) : [[label, text]] {
                var item = FormAnswers()
                item["name"] = .text(parts[0])
                if parts.count > 1 { item["description"] = .text(parts.dropFirst().joined(separator: " — ")) }
                if !mitigation.isEmpty { item["mitigation"] = .text(mitigation) }
                risks.append(item)
            }
        }
        if !risks.isEmpty {
            prefill.entries.append(Entry(
                field: "risks", value: .items(risks), from: "canvas \(name): negative-effects, with mitigations as each risk's mitigation"))
        }
        if let record = root["record"]?.text, !record.isEmpty {
            prefill.assessments.append(record)
        }
        return prefill
    }

    /// A list answer's lines, each split at " — ".
    private static func lines(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.components(separatedBy: " — ").map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.first.map { $0.isEmpty ? nil : parts } ?? nil
        }
    }

    // MARK: From a decision

    /// What a decision record holds that a transparency record uses, read from its JSON.
    struct DecisionBody: Decodable {
        struct Outcome: Decodable {
            var verdict: String
            var title: String
            var text: String?
            var obligations: [String]?
            var reviewBy: CalendarDate?
        }

        struct Step: Decodable {
            var node: String
            var asked: String?
            var summary: String?
        }

        var title: String
        var author: String?
        var date: CalendarDate?
        var outcome: Outcome
        var rationale: String?
        var path: [Step]?
        var cites: [String]?
    }

    static func fromDecision(_ id: String, register: Register) async throws -> Prefill {
        guard let version = try await register.fetch(id) else {
            let known = try await register.latestVersions(kind: nil).filter { $0.kind == "decision" }.map(\.id)
            throw DiagnosticError.error(
                "there is no decision '\(id)' in the register",
                suggestion: Suggestion.didYouMean(id, among: known) ?? "list them with 'ethics decision-flowchart list'")
        }
        guard version.kind == "decision" else {
            throw DiagnosticError.error("'\(id)' is a \(version.kind), not a decision", suggestion: "show it with 'ethics records show \(id)'")
        }
        let decision: DecisionBody
        do {
            decision = try version.decodeBody(as: DecisionBody.self)
        } catch {
            throw DiagnosticError.error("'\(id)' does not hold a decision record this plugin can read")
        }
        let from = "decision \(id) version \(version.version)"
        var prefill = Prefill(name: decision.title, origin: "decision \(id)")
        let history = try await register.history(of: id)
        let approvals = history.compactMap(\.step).filter { $0.action == .approve }
        var human = "The decision to use the tool was taken through the council's ethical decision-making flow"
        if let date = decision.date { human += " on \(date)" }
        human += ", with the verdict: \(decision.outcome.title)."
        if let rationale = decision.rationale, !rationale.isEmpty { human += "\n\n" + rationale }
        if !approvals.isEmpty {
            human += "\n\nSigned off by " + approvals.map { "\($0.by)" + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: "; ") + "."
        }
        prefill.entries.append(Entry(field: "human-decisions", value: .text(human), from: "\(from): verdict, rationale and sign-offs"))
        if let owner = approvals.first(where: { $0.role?.lowercased() == "senior responsible owner" }) {
            prefill.entries.append(Entry(
                field: "senior-responsible-owner", value: .text("Senior Responsible Owner (signed off by \(owner.by))"),
                from: "\(from): sign-off in the role Senior Responsible Owner"))
        }
        let obligations = decision.outcome.obligations ?? []
        if !obligations.isEmpty {
            var risk = FormAnswers()
            risk["name"] = .text("Conditions of the decision")
            risk["description"] = .text("The decision (\(decision.outcome.title.lowercased())) set conditions the tool is used under.")
            risk["mitigation"] = .text(obligations.joined(separator: "\n"))
            prefill.entries.append(Entry(field: "risks", value: .items([risk]), from: "\(from): the outcome's obligations"))
        }
        let steps = decision.path ?? []
        let options = steps.filter { $0.node == "evaluate-options" }.compactMap(\.summary)
        if !options.isEmpty {
            prefill.entries.append(Entry(
                field: "alternatives-considered", value: .text(options.joined(separator: "\n\n")), from: "\(from): the options weighed"))
        }
        // The walk asks after the equality and data protection impact assessments; what it was
        // told is listed in section 5 with the decision's date.
        var assessments: [FormAnswers] = []
        for (node, title) in [("eia", "Equality impact assessment"), ("dpia", "Data protection impact assessment")] {
            guard let summary = steps.first(where: { $0.node == node })?.summary, !summary.isEmpty else { continue }
            var item = FormAnswers()
            item["name"] = .text(title)
            item["description"] = .text(summary)
            if let date = decision.date { item["date"] = .date(date) }
            assessments.append(item)
        }
        if !assessments.isEmpty {
            prefill.entries.append(Entry(field: "impact-assessments", value: .items(assessments), from: "\(from): the EIA and DPIA answers"))
        }
        if let reviewBy = decision.outcome.reviewBy {
            prefill.entries.append(Entry(
                field: "maintenance", value: .text("The decision is reviewed again by \(reviewBy)."), from: "\(from): review date"))
        }
        prefill.assessments.append(id)
        for cited in decision.cites ?? [] where !prefill.assessments.contains(cited) {
            if let record = try await register.fetch(cited), ["canvas", "assessment"].contains(record.kind) {
                prefill.assessments.append(cited)
            }
        }
        return prefill
    }
}
