import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Foundation
import Testing
@testable import CanvasBuilder

@Suite struct ODIRoundTripTests {
    /// Import, write the canvas file, read it back, export: the JSON is the input's, in order.
    private func roundTrip(_ document: JSONDocument) throws -> (JSONValue, Canvas) {
        let template = try Shipped.odi()
        let canvas = try ODIImporter(template: template, today: CalendarDate("2026-11-22")!).canvas(from: document, fallbackTitle: "x")
        let directory = try TemporaryDirectory()
        try CanvasFile.write(canvas, to: directory.path + "/c.canvas.yaml")
        let (read, _) = try CanvasFile.read(directory.path + "/c.canvas.yaml", templates: Shipped.store())
        #expect(read == canvas)
        return (ODIExporter(template: template, now: Date()).export(read), read)
    }

    @Test func aRealisticCanvasComesBackUnchanged() throws {
        let document = try Shipped.parseFixture("repairs.dec.json")
        let (exported, canvas) = try roundTrip(document)
        #expect(exported == document.value)
        #expect(canvas.area("sources")?.status == .complete)
        #expect(canvas.area("reasons")?.answer("purpose") == "Find homes at risk of damp before tenants fall ill")
        #expect(canvas.area("reasons")?.answer("uses") == "Tenants\nRepairs team")
        #expect(canvas.area("rights")?.answer("collection-basis") == "Repairs log — Yes — Collected by the contact centre")
        #expect(canvas.area("openness")?.answer("publish-method") == "Yes — Model card on the council website")
        #expect(canvas.actions.map(\.owner) == ["Data protection officer", nil])
        #expect(canvas.actions.map(\.type) == [.action, .decision])
        // Written again as JSON and parsed, it is still the same value.
        #expect(try JSONParser.parse(Array(JSONWriter.write(exported).utf8), file: "out").value == document.value)
    }

    @Test func nullsMissingKeysAndUnicodeSurvive() throws {
        let text = #"{"blobs":[{"id":"review","content":[null,null,"🙂 \u00e9\n\"q\""],"x":{"y":[]}},{"id":"sharing","status":null}],"lastUpdated":null,"title":"","uuid":null}"#
        let document = try JSONParser.parse(Array(text.utf8), file: "t.dec.json")
        #expect(try roundTrip(document).0 == document.value)
    }

    @Test func aChangedAnswerIsWrittenIntoItsSlotInTheSlotsShape() throws {
        let document = try Shipped.parseFixture("repairs.dec.json")
        let template = try Shipped.odi()
        var canvas = try ODIImporter(template: template, today: CalendarDate("2026-11-22")!).canvas(from: document, fallbackTitle: "x")
        canvas.withArea("openness", in: template) { $0.setAnswer("peer-feedback", "No — A summary by ward") }
        canvas.withArea("mitigations", in: template) { $0.setAnswer("reduce-limits", "Accepted by the director") }
        let exported = ODIExporter(template: template, now: Date()).export(canvas).objectValue
        let blobs = exported?["blobs"]?.arrayValue ?? []
        let openness = blobs.first { $0.objectValue?["id"] == .string("openness") }?.objectValue?["content"]
        #expect(openness?.arrayValue?[1] == .object(JSONObject([("checked", .string("NO")), ("text", .string("A summary by ward"))])))
        let mitigations = blobs.first { $0.objectValue?["id"] == .string("mitigations") }?.objectValue?["content"]
        #expect(mitigations == .array([.string("Use only property data, not tenant behaviour"), .string("Accepted by the director")]))
    }

    @Test func malformedJSONIsReportedAtItsLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\"title\": \"x\",\n \"blobs\": [1,}", "t.dec.json:2:14: error: expected a value, found '}'"),
            ("{\"a\": 1, \"a\": 2}", "t.dec.json:1:10: error: the key 'a' appears twice in this object"),
            ("{\"a\": \"caf\u{e9}\n\"}", "t.dec.json:1:12: error: a control character must be escaped inside a string (write \\n for a new line)"),
            ("{\"a\": 01}", "t.dec.json:1:7: error: a number must not start with 0 unless it is 0"),
            ("{\"a\": [1, 2}", "t.dec.json:1:12: error: expected ',' or ']' in the array, found '}'"),
            ("", "t.dec.json:1:1: error: the file is empty; expected a JSON object"),
        ]
        for (text, expected) in cases {
            #expect(Shipped.problem { _ = try JSONParser.parse(Array(text.utf8), file: "t.dec.json") } == expected)
        }
    }

    @Test func aStatusOutsideTheListAndAnUnknownAreaArePositioned() throws {
        let text = "{\"title\": \"x\", \"blobs\": [\n  {\"id\": \"sources\", \"status\": \"DONE\"},\n  {\"id\": \"sorces\"}\n]}"
        let document = try JSONParser.parse(Array(text.utf8), file: "bad.dec.json")
        let message = Shipped.problem {
            _ = try ODIImporter(template: try Shipped.odi(), today: CalendarDate("2026-11-22")!).canvas(from: document, fallbackTitle: "x")
        }
        #expect(message == """
            bad.dec.json:2:31: error: the status 'DONE' is not one of IN_PROGRESS, FOR_REVIEW, COMPLETE
            bad.dec.json:3:10: error: unknown area 'sorces'; did you mean 'sources'?
            """)
    }
}

@Suite struct CheckTests {
    @Test func aCompleteAssessmentNeedsEveryAreaCompleteAnsweredAndScored() throws {
        let template = try Shipped.store().template("uk-data-ethics-framework")
        let today = CalendarDate("2026-11-22")!
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "Permits", uuid: nil, created: today, updated: today,
            reviewBy: CalendarDate("2027-01-01"), record: nil, areas: [], actions: [], odi: nil)
        for area in template.areas {
            canvas.withArea(area.id, in: template) { entry in
                entry.status = .complete
                if area.scored { entry.score = 4 }
                for question in area.questions { entry.setAnswer(question.id, "Answered.") }
            }
        }
        #expect(CanvasCheck(canvas: canvas, template: template, today: today).isComplete)
        var unscored = canvas
        unscored.withArea("fairness", in: template) { $0.score = nil }
        #expect(!CanvasCheck(canvas: unscored, template: template, today: today).isComplete)
        var overdue = canvas
        overdue.reviewBy = CalendarDate("2026-11-21")
        #expect(CanvasCheck(canvas: overdue, template: template, today: today).reviewOverdue)
        var ownerless = canvas
        ownerless.actions = [CanvasAction(title: "DPIA", priority: nil, owner: nil, area: "comply-with-law", type: .action)]
        let check = CanvasCheck(canvas: ownerless, template: template, today: today)
        #expect(check.incompleteActions.first?.missing == ["owner", "priority"])
        #expect(!check.isComplete)
    }
}

@Suite struct DeonImportTests {
    @Test func aDeonChecklistBecomesATemplateTheLoaderAccepts() throws {
        let directory = try TemporaryDirectory()
        let checklist = try directory.write("""
            title: Data Science Ethics Checklist
            sections:
              - title: Data Collection
                section_id: A
                lines:
                  - line_id: A.1
                    line_summary: Informed consent
                    line: If there are human subjects, have they given informed consent?
                  - line_id: A.2
                    line_summary: Collection bias
                    line: Have we considered sources of bias?
              - title: Deployment
                section_id: E
                lines:
                  - line_id: E.1
                    line_summary: Redress
                    line: Have we discussed with our organisation a plan for response if users are harmed?
            """, to: "deon.yml")
        let (id, yaml) = try DeonImporter(today: CalendarDate("2026-11-22")!).template(fromFile: checklist)
        #expect(id == "data-science-ethics-checklist")
        let file = directory.path + "/t.yaml"
        try SafeFile.write(try EthicsYAML.YAMLEmitter.emit(yaml.node()), to: file)
        let store = TemplateStore(
            files: [ContentPath(path: file, written: "t.yaml", location: SourceLocation(file: "c.yaml", line: 1, column: 1))],
            loader: TemplateLoader(attributes: AttributeCatalog(TestContext.fiveAttributes)))
        let template = try store.template(id)
        #expect(template.areas.map(\.id) == ["a", "e"])
        #expect(template.areas[0].questions.map(\.id) == ["a-1", "a-2"])
        #expect(template.areas[0].questions[0].text.hasPrefix("Informed consent: "))
    }
}
