import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Foundation
import Testing
@testable import CanvasBuilder

@Suite struct TemplateTests {
    @Test func descriptorPublishesTheCanvasEvents() {
        #expect(CanvasBuilderPlugin.descriptor.id == "canvas-builder")
        #expect(CanvasBuilderPlugin.descriptor.publishes == [CanvasRecorded.topic])
        #expect(CanvasBuilderPlugin.descriptor.recordKinds.map(\.prefix) == ["can", "asm"])
    }

    @Test func theODICanvasHasFifteenAreasInFourGroupsWithTheAppsIDs() throws {
        let odi = try Shipped.odi()
        #expect(odi.groups.map(\.id) == ["know", "explore", "plan", "integrate"])
        #expect(odi.areas.map(\.id) == [
            "sources", "rights", "limitations", "ethical-legislative", "reasons", "positive-effects", "negative-effects",
            "mitigations", "engaging", "communicating", "openness", "sharing", "implementation", "review", "actions",
        ])
        #expect(odi.areas.allSatisfy { !$0.attributes.isEmpty && !$0.questions.isEmpty && $0.odi != nil })
        #expect(odi.provenance.licence.contains("CC BY-SA 4.0"))
        #expect(odi.attribution?.contains("Open Data Institute") == true)
    }

    @Test func theFrameworkScoresThreePrinciplesAndAsksFiveActions() throws {
        let def = try Shipped.store().template("uk-data-ethics-framework")
        #expect(def.kind == .assessment)
        #expect(def.areas.filter(\.scored).map(\.id) == ["transparency", "accountability", "fairness"])
        #expect(def.groups[1].areas.count == 5)
        #expect(def.scale.map(\.score) == Array(0...5))
    }

    @Test func aTemplateIDUsedTwiceAcrossFilesIsAnErrorAtItsLine() throws {
        let directory = try TemporaryDirectory()
        let copy = try directory.write(
            try String(contentsOfFile: Shipped.canvases + "/uk-data-ethics-framework.yaml", encoding: .utf8), to: "copy.yaml")
        let store = Shipped.store([ContentPath(path: copy, written: "copy.yaml", location: SourceLocation(file: "test.yaml", line: 3, column: 5))])
        let message = Shipped.problem { _ = try store.templates() }
        #expect(message?.hasPrefix("\(copy):6:5: error: the template id 'uk-data-ethics-framework' is already used at \(Shipped.canvases)/uk-data-ethics-framework.yaml:6:5") == true, "\(message ?? "")")
    }

    @Test func anUnknownAttributeInATemplateIsAnErrorWithASuggestion() throws {
        let directory = try TemporaryDirectory()
        let text = try String(contentsOfFile: Shipped.canvases + "/uk-data-ethics-framework.yaml", encoding: .utf8)
            .replacing("id: uk-data-ethics-framework", with: "id: local-def")
            .replacing("attributes: [justice]\n        scored: true", with: "attributes: [justise]\n        scored: true")
        let file = try directory.write(text, to: "local.yaml")
        let store = TemplateStore(
            files: [ContentPath(path: file, written: "local.yaml", location: SourceLocation(file: "t.yaml", line: 1, column: 1))],
            loader: TemplateLoader(attributes: AttributeCatalog(TestContext.fiveAttributes)))
        let message = Shipped.problem { _ = try store.templates() }
        #expect(message?.contains("error: unknown attribute 'justise'; did you mean 'justice'?") == true, "\(message ?? "")")
    }
}

@Suite struct CanvasFileTests {
    @Test func aStatusOutsideTheListAndAScoreOutsideZeroToFiveArePositioned() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("""
            template: uk-data-ethics-framework
            template-version: "2020.1"
            title: Parking permits
            created: 2026-11-01
            updated: 2026-11-01
            areas:
              transparency:
                status: DONE
                score: 7
              fairnes:
                status: COMPLETE
            actions: []

            """, to: "bad.canvas.yaml")
        let message = Shipped.problem { _ = try CanvasFile.read(file, templates: Shipped.store()) } ?? ""
        let lines = message.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(message)")
        #expect(lines.first?.hasPrefix("\(file):8:13: error: ") == true && lines.first?.contains("DONE") == true, "\(message)")
        #expect(lines.contains("\(file):9:12: error: the score 7 is outside 0 to 5 (at areas.transparency.score)"), "\(message)")
        #expect(lines.contains("\(file):10:3: error: unknown area 'fairnes' in template 'uk-data-ethics-framework' (at areas); did you mean 'fairness'?"), "\(message)")
    }

    /// Decoding (a date, a priority) and the checks against the template (an unknown area)
    /// are two stages; one run reports both, for a canvas file and for an answers file.
    @Test func decodingProblemsAndTemplateProblemsComeInOneRun() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("""
            template: uk-data-ethics-framework
            template-version: "2020.1"
            title: Parking permits
            created: 2026-11-01
            updated: 2026-11-01
            review-by: 2027-02-30
            areas:
              fairnes:
                status: COMPLETE
            actions:
              - {title: Check, priority: URGENT}

            """, to: "bad.canvas.yaml")
        let message = Shipped.problem { _ = try CanvasFile.read(file, templates: Shipped.store()) } ?? ""
        let lines = message.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(message)")
        #expect(lines.contains { $0.hasPrefix("\(file):6:12: error: '2027-02-30' is not a date") }, "\(message)")
        #expect(lines.contains { $0.hasPrefix("\(file):8:3: error: unknown area 'fairnes'") }, "\(message)")
        #expect(lines.contains { $0.hasPrefix("\(file):11:30: error: unknown value 'URGENT'") }, "\(message)")

        let template = try Shipped.store().template("uk-data-ethics-framework")
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "t", uuid: nil, created: CalendarDate("2026-01-02")!,
            updated: CalendarDate("2026-01-02")!, reviewBy: nil, record: nil, areas: [], actions: [], odi: nil)
        let answers = try directory.write("review-by: 2027-02-30\nareas:\n  fairnes:\n    status: COMPLETE\n", to: "answers.yaml")
        let answerProblems = Shipped.problem { _ = try AnswersFile.apply(answers, to: &canvas, template: template, only: nil) } ?? ""
        #expect(answerProblems.split(separator: "\n").count == 2, "\(answerProblems)")
        #expect(answerProblems.contains("'2027-02-30' is not a date") && answerProblems.contains("unknown area 'fairnes'"), "\(answerProblems)")
    }

    @Test func anUnknownTemplateIsPositioned() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("template: odi-canvas\ntemplate-version: '1'\ntitle: x\ncreated: 2026-11-01\nupdated: 2026-11-01\n", to: "t.canvas.yaml")
        let message = Shipped.problem { _ = try CanvasFile.read(file, templates: Shipped.store()) }
        #expect(message?.hasPrefix("\(file):1:11: error: unknown template 'odi-canvas' (at template)") == true, "\(message ?? "")")
    }

    @Test func writingThenReadingGivesTheSameCanvas() throws {
        let directory = try TemporaryDirectory()
        let template = try Shipped.odi()
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "true", uuid: "42", created: CalendarDate("2026-01-02")!,
            updated: CalendarDate("2026-01-03")!, reviewBy: nil, record: nil, areas: [], actions: [], odi: nil)
        canvas.withArea("reasons", in: template) {
            $0.status = .forReview
            $0.notes = ""
            $0.setAnswer("purpose", "Line one\n  indented line\ntrailing space \n")
        }
        canvas.actions = [CanvasAction(title: "null", description: "yes", priority: .high, owner: "Zoë", area: "reasons", type: .decision)]
        let file = directory.path + "/c.canvas.yaml"
        try CanvasFile.write(canvas, to: file)
        let (read, _) = try CanvasFile.read(file, templates: Shipped.store())
        #expect(read == canvas)
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }
}
