import EthicsCore
import EthicsTestSupport
import Foundation
import Testing
@testable import CanvasBuilder

/// The ODI interactive canvas app's own format, both ways. The fixtures were written by hand in
/// the shape the app saves (top-level `uuid, blobs, lastUpdated, title`; each blob `group, id,
/// title, description, editor, row, column, status, content, notes`), with every editor's content
/// filled the way that editor writes it, including the empty item the app keeps at the end of a
/// list. The shapes below are read off the app's editors (src/components/editors/*.svelte), not
/// off the toolkit's template, so a template that put an answer in the wrong place or shape fails.
@Suite struct ODIAppFormatTests {
    enum Shape: Equatable {
        case text, strings, describedList, pair, sources, rights, actions, anything
    }

    /// What each of the app's editors keeps at each index of `content`.
    static let editorShapes: [String: [Shape]] = [
        "KnowSources": [.sources],
        "KnowRights": [.rights],
        "ListWithDescription": [.describedList],
        "ExploreReasons": [.text, .strings, .text, .pair],
        "ExplorePositiveEffects": [.describedList, .text],
        "ExploreNegativeEffects": [.describedList, .pair, .pair, .text],
        "TextareaList": [.text, .text, .text, .text],
        "PlanEngaging": [.text, .text, .pair],
        "PlanCommunicating": [.pair, .text, .text],
        "BooleanAndTextareaList": [.pair, .pair, .pair],
        "IntegrateImplementation": [.pair, .strings, .pair],
        "Actions": [.actions, .anything, .pair],
    ]

    /// How many slots each area has in the app's English locale (TextareaList and
    /// BooleanAndTextareaList areas have one slot per locale question).
    static let slotsPerArea: [String: Int] = [
        "reasons": 4, "positive-effects": 2, "negative-effects": 4, "mitigations": 4, "engaging": 3, "communicating": 3,
        "openness": 3, "sharing": 2, "implementation": 3, "review": 2,
    ]

    private func importFixture(_ name: String) throws -> (JSONDocument, Canvas, CanvasTemplate) {
        let document = try Shipped.parseFixture(name)
        let template = try Shipped.odi()
        let canvas = try ODIImporter(template: template, today: CalendarDate("2026-12-05")!).canvas(from: document, fallbackTitle: "x")
        return (document, canvas, template)
    }

    /// Through the canvas file and back out: the same JSON value, keys in the same order.
    private func roundTrip(_ name: String) throws {
        let (document, canvas, template) = try importFixture(name)
        let directory = try TemporaryDirectory()
        try CanvasFile.write(canvas, to: directory.path + "/c.canvas.yaml")
        let (read, _) = try CanvasFile.read(directory.path + "/c.canvas.yaml", templates: Shipped.store())
        #expect(read == canvas)
        let exported = ODIExporter(template: template, now: Date()).export(read)
        #expect(exported == document.value)
        #expect(exported.objectValue?.keys == document.value.objectValue?.keys)
        #expect(try JSONParser.parse(Array(JSONWriter.write(exported).utf8), file: "out").value == document.value)
    }

    @Test func aCanvasFromTheAppWithEveryEditorFilledComesBackUnchanged() throws {
        try roundTrip("library-hours.dec.json")
    }

    @Test func aBlankCanvasFromTheAppComesBackUnchanged() throws {
        try roundTrip("blank.dec.json")
    }

    @Test func theFixturesUseEveryEditorInItsOwnShape() throws {
        let (document, _, _) = try importFixture("library-hours.dec.json")
        let blobs = document.value.objectValue?["blobs"]?.arrayValue ?? []
        #expect(Set(blobs.compactMap { $0.objectValue?["editor"]?.stringValue }) == Set(Self.editorShapes.keys))
        for blob in blobs {
            let object = try #require(blob.objectValue)
            let editor = try #require(object["editor"]?.stringValue)
            #expect(Self.problems(object["content"] ?? .null, editor: editor).isEmpty, "\(editor)")
        }
    }

    @Test func eachImportedAnswerLandsUnderItsQuestion() throws {
        let (_, canvas, template) = try importFixture("library-hours.dec.json")
        func answer(_ area: String, _ question: String) -> String? { canvas.area(area)?.answer(question) }
        #expect(answer("sources", "which-sources") == """
            Library visits — Daily door counts from each branch — https://data.example.gov.uk/footfall — Libraries service
            Opening hours —  —  — Customer services
            """)
        #expect(answer("rights", "licence-terms") == "Library visits — Council data, Open Government Licence")
        #expect(answer("rights", "collection-basis") == "Library visits — Yes — Counted by sensors at the door\nOpening hours — No — Published for the public")
        #expect(answer("rights", "personal-data") == "Library visits — No")
        #expect(answer("rights", "sensitive-data") == "Opening hours — No — Nothing confidential")
        #expect(answer("rights", "source-notes") == "Opening hours — Kept by customer services")
        #expect(answer("limitations", "gaps-and-bias") == "Sensor gaps — Two branches lost counts during the 2025 refit\nSchool visits")
        #expect(answer("ethical-legislative", "laws")?.hasPrefix("Public Libraries and Museums Act 1964 — ") == true)
        #expect(answer("reasons", "purpose") == "Plan opening hours around when people use the branches")
        #expect(answer("reasons", "uses") == "Opening hours review\nStaff rotas")
        #expect(answer("reasons", "benefit") == "Yes: residents get hours that fit their lives")
        #expect(answer("reasons", "replacing") == "No")
        #expect(answer("positive-effects", "who-gains") == "Working parents — Evening hours where demand is high")
        #expect(answer("negative-effects", "privacy-security") == "No — Counts hold no personal data")
        #expect(answer("negative-effects", "fairness") == "Low-use branches could be singled out for closure")
        #expect(answer("mitigations", "reduce-limits") == "Fill the sensor gaps from staff tallies")
        #expect(answer("mitigations", "track-harm") == nil)
        #expect(answer("mitigations", "gains-from-steps") == "More trust from users in the review")
        #expect(answer("engaging", "challenge") == nil)
        #expect(answer("engaging", "appeals-fair") == "Yes — Comments go to the service's complaints route")
        #expect(answer("communicating", "explain") == nil)
        #expect(answer("communicating", "reach-vulnerable") == "Easy-read leaflets and sessions with the sight-loss group")
        #expect(answer("openness", "peer-feedback") == nil)
        #expect(answer("openness", "publish-canvas") == "Yes")
        #expect(answer("sharing", "publish-data") == "Yes — Open data portal, Open Government Licence")
        #expect(answer("implementation", "training") == "Briefing for branch managers")
        #expect(answer("review", "when") == "Every six months, and before any change to hours")
        #expect(answer("actions", "publish-actions") == "Yes — On the council website with the proposal")
        #expect(canvas.actions.map(\.title) == [
            "Publish the equality impact assessment", "No branch loses all its morning hours", "Fix the sensors at two branches",
        ])
        // The grid and the report agree: a question the grid counts as answered is not shown as
        // "Not answered yet" in the report, and one it counts as unanswered is.
        let check = CanvasCheck(canvas: canvas, template: template, today: CalendarDate("2026-12-05")!)
        let document = CanvasDocument(canvas: canvas, template: template, check: check).document
        let notAnswered = Block.paragraph([.emphasis([.text("Not answered yet.")])])
        var shownUnanswered: [[Inline]] = []
        for case .definitions(let definitions) in document.blocks {
            shownUnanswered += definitions.filter { $0.details == [notAnswered] }.map(\.term)
        }
        let countedUnanswered = check.areas.flatMap { $0.unanswered.map { [Inline.text($0.text)] } }
        #expect(shownUnanswered == countedUnanswered)
        #expect(check.areas.first { $0.area.id == "sources" }?.answered == 1)
        #expect(check.areas.first { $0.area.id == "actions" }?.answered == 2)
    }

    @Test func theTemplateHasOneQuestionPerAppSlot() throws {
        let template = try Shipped.odi()
        for (area, count) in Self.slotsPerArea {
            let slots = try #require(template.area(area)).questions.compactMap { $0.odi?.slot }
            #expect(slots.sorted() == Array(0..<count), "\(area)")
        }
        #expect(template.area("rights")?.questions.compactMap(\.odi?.field) == CanvasTemplate.ODISlot.rightsFields.map(\.name))
        #expect(template.area("mitigations")?.title == "Minimising negative effects")
        #expect(template.provenance.notes?.contains("MIT") == true)
        #expect(template.areas.allSatisfy { $0.questions.allSatisfy { $0.odi != nil } })
    }

    /// A canvas started in the toolkit, every question answered: each area's `content` is in the
    /// shape its editor reads, nothing sits only under the extension key, and importing the export
    /// gives the same answers back.
    @Test func aCanvasMadeInTheToolkitExportsWhatTheAppReads() throws {
        let template = try Shipped.odi()
        let day = CalendarDate("2026-12-05")!
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "Parks sensors", uuid: nil, created: day, updated: day,
            reviewBy: nil, record: nil, areas: [], actions: [], odi: nil)
        let sample: [String: String] = [
            "which-sources": "Footfall counters — Counts at park gates — https://example.org/parks — Parks team\nWeather — Daily rain",
            "licence-terms": "Footfall counters — Council's own data\nWeather — Open Government Licence",
            "collection-basis": "Footfall counters — Yes — Installed for this project",
            "personal-data": "Footfall counters — No",
            "sensitive-data": "Weather — No",
            "source-notes": "Weather — Free to reuse",
            "gaps-and-bias": "Broken counters — Gate 3 was out for a month\nNight visits",
            "uses": "Staffing\nLitter rounds",
            "replacing": "No — nothing is replaced",
            "who-gains": "Park users — Cleaner paths",
            "who-harmed": "Rough sleepers — Could be moved on",
            "privacy-security": "Unsure — counters could pick up phones",
            "training": "Briefing for rangers",
            "include-views": "Yes: the friends-of-parks groups",
        ]
        for area in template.areas {
            canvas.withArea(area.id, in: template) { entry in
                for question in area.questions where question.odi?.form != .actions {
                    entry.setAnswer(question.id, sample[question.id] ?? "Answer to \(question.id)")
                }
            }
        }
        canvas.actions = [CanvasAction(title: "Check the counters", priority: .medium, owner: "Parks team", area: "limitations", type: .action)]
        let exported = ODIExporter(template: template, now: Date()).export(canvas)
        let blobs = exported.objectValue?["blobs"]?.arrayValue ?? []
        #expect(blobs.count == 15)
        for blob in blobs {
            let object = try #require(blob.objectValue)
            let editor = try #require(object["editor"]?.stringValue)
            let content = object["content"] ?? .null
            #expect(content != .null, "\(editor)")
            #expect(Self.problems(content, editor: editor).isEmpty, "\(editor): \(Self.problems(content, editor: editor))")
            #expect(object[ODIImporter.extensionKey] == nil)
        }
        let rights = blobs.first { $0.objectValue?["id"] == .string("rights") }?.objectValue?["content"]?.arrayValue
        #expect(rights?.compactMap { $0.objectValue?["title"]?.stringValue } == ["Footfall counters", "Weather"])
        #expect(rights?.first?.objectValue?["data_collection"] == .object(JSONObject([("checked", .string("YES")), ("text", .string("Installed for this project"))])))
        let reasons = blobs.first { $0.objectValue?["id"] == .string("reasons") }?.objectValue?["content"]
        #expect(reasons?.arrayValue?[1] == .array([.string("Staffing"), .string("Litter rounds")]))
        #expect(reasons?.arrayValue?[3] == .object(JSONObject([("checked", .string("NO")), ("text", .string("nothing is replaced"))])))

        let document = try JSONParser.parse(Array(JSONWriter.write(exported).utf8), file: "parks.dec.json")
        let back = try ODIImporter(template: template, today: day).canvas(from: document, fallbackTitle: "x")
        for area in template.areas {
            for question in area.questions where question.odi?.form != .actions {
                var expected = sample[question.id] ?? "Answer to \(question.id)"
                if question.id == "include-views" { expected = "Yes — the friends-of-parks groups" }
                if question.id == "privacy-security" { expected = "counters could pick up phones" }
                #expect(back.area(area.id)?.answer(question.id) == expected, "\(area.id).\(question.id)")
            }
        }
        #expect(back.actions == canvas.actions)
    }

    @Test func aChangedAnswerRewritesOnlyItsSlotAndKeepsFieldsTheToolkitDoesNotKnow() throws {
        let (document, original, template) = try importFixture("library-hours.dec.json")
        var canvas = original
        canvas.withArea("sharing", in: template) { $0.setAnswer("who-receives", "Yes — the county's library service") }
        canvas.withArea("limitations", in: template) {
            $0.setAnswer("gaps-and-bias", "Sensor gaps — Two branches lost counts during the 2025 refit\nSchool visits — Class trips inflate weekday mornings")
        }
        canvas.actions.append(CanvasAction(title: "Survey non-users", priority: .medium, owner: "Libraries", area: "engaging", type: .action))
        let exported = ODIExporter(template: template, now: Date()).export(canvas)
        func content(_ id: String, in value: JSONValue) -> JSONValue? {
            value.objectValue?["blobs"]?.arrayValue?.first { $0.objectValue?["id"] == .string(id) }?.objectValue?["content"]
        }
        #expect(content("sharing", in: exported)?.arrayValue?[0] == .object(JSONObject([("checked", .string("YES")), ("text", .string("the county's library service"))])))
        #expect(content("sharing", in: exported)?.arrayValue?[1] == content("sharing", in: document.value)?.arrayValue?[1])
        #expect(content("limitations", in: exported)?.arrayValue?[0].arrayValue?[1] == .object(JSONObject([
            ("title", .string("School visits")), ("description", .string("Class trips inflate weekday mornings")),
        ])))
        let actions = content("actions", in: exported)?.arrayValue
        #expect(actions?[0].arrayValue?.count == 4)
        #expect(actions?[2] == content("actions", in: document.value)?.arrayValue?[2])
        for id in ["sources", "rights", "reasons", "openness", "review"] {
            #expect(content(id, in: exported) == content(id, in: document.value), "\(id)")
        }
    }

    @Test func aChoiceAnswerReadsYesNoOrUnsure() {
        #expect(ODIContent.choice("Yes — soon") == ("YES", "soon"))
        #expect(ODIContent.choice("no: never") == ("NO", "never"))
        #expect(ODIContent.choice("No") == ("NO", ""))
        #expect(ODIContent.choice("Unsure - ask the DPO") == ("UNSET", "ask the DPO"))
        #expect(ODIContent.choice("Nobody knows") == ("UNSET", "Nobody knows"))
    }

    // MARK: The app's shapes

    static func problems(_ content: JSONValue, editor: String) -> [String] {
        guard let shapes = editorShapes[editor] else { return ["unknown editor \(editor)"] }
        if content == .null { return [] }
        if shapes == [.sources] { return conforms(content, to: .sources) ? [] : ["sources"] }
        if shapes == [.rights] { return conforms(content, to: .rights) ? [] : ["rights"] }
        guard let slots = content.arrayValue else { return ["content is not a list"] }
        var problems: [String] = []
        for (index, slot) in slots.enumerated() {
            guard index < shapes.count else { problems.append("slot \(index) is beyond the editor's \(shapes.count)"); continue }
            if slot != .null && !conforms(slot, to: shapes[index]) { problems.append("slot \(index) is not \(shapes[index])") }
        }
        return problems
    }

    static func conforms(_ value: JSONValue, to shape: Shape) -> Bool {
        func object(_ value: JSONValue, keys: [String]) -> Bool {
            guard let object = value.objectValue else { return false }
            return keys.allSatisfy { object[$0] != nil }
        }
        func pair(_ value: JSONValue) -> Bool {
            guard let object = value.objectValue, let checked = object["checked"]?.stringValue else { return false }
            return ["YES", "NO", "UNSET"].contains(checked) && object["text"] != nil
        }
        switch shape {
        case .anything: return true
        case .text: return value.stringValue != nil
        case .strings: return value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false
        case .pair: return pair(value)
        case .describedList: return value.arrayValue?.allSatisfy { object($0, keys: ["title", "description"]) } ?? false
        case .sources: return value.arrayValue?.allSatisfy { object($0, keys: ["title", "description", "url", "owner"]) } ?? false
        case .rights:
            return value.arrayValue?.allSatisfy { item in
                item == .null || (object(item, keys: ["title", "license", "notes"])
                    && ["data_collection", "personal_information", "commercial_data"].allSatisfy { item.objectValue?[$0].map(pair) ?? false })
            } ?? false
        case .actions:
            return value.arrayValue?.allSatisfy { object($0, keys: ["title", "responsibility", "description", "type", "area"]) } ?? false
        }
    }
}
