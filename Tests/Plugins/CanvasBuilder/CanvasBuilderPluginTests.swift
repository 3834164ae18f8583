import ArgumentParser
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

    /// Ctrl-D part-way through `fill` is bad input (the command then exits 2, the file as it was),
    /// not a check that found problems (1); the areas answered before it are answered as typed.
    @Test func inputThatEndsBeforeTheLastAreaIsBadInput() throws {
        let template = try Shipped.odi()
        let day = try #require(CalendarDate(year: 2026, month: 3, day: 1))
        let blank = Canvas(
            template: template.id, templateVersion: template.version, title: "Repairs", uuid: "u", created: day,
            updated: day, reviewBy: day, record: nil, areas: template.areas.map { CanvasArea(id: $0.id) }, actions: [], odi: nil)
        var canvas = blank
        let areas = Array(template.areas.prefix(2))
        let questions = areas.map { 2 + $0.questions.count + ($0.scored ? 1 : 0) }
        // Area one: a status, then Enter for every other field (a long answer ends with an empty line).
        let first = ["1"] + Array(repeating: "", count: questions[0] - 1)
        let ended = ScriptedTerminal(first + ["2"])
        let message = Shipped.problem { _ = try InteractiveFill(template: template, terminal: ended).fill(&canvas, areas: areas) }
        #expect(message?.contains("the input ended before '\(areas[1].title)' was answered") == true, "\(message ?? "no error")")

        let whole = ScriptedTerminal(first + ["3"] + Array(repeating: "", count: questions[1] - 1))
        canvas = blank
        #expect(try InteractiveFill(template: template, terminal: whole).fill(&canvas, areas: areas) == areas.map(\.id))
    }

    /// A canvas goes to the board complete (what the board signs off is what it was given): an
    /// incomplete one is refused with what is left, and keeps nothing; a complete one is kept
    /// for-board; content kept later that is no longer complete goes back to draft.
    @Test func aCanvasGoesToTheBoardOnlyWhenComplete() async throws {
        let template = try Shipped.odi()
        let today = try #require(CalendarDate(year: 2026, month: 3, day: 1))
        let canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "Repairs", uuid: "u", created: today,
            updated: today, reviewBy: try #require(CalendarDate(year: 2026, month: 9, day: 1)), record: nil,
            areas: template.areas.map { area in
                var entry = CanvasArea(id: area.id)
                entry.status = .complete
                if area.scored { entry.score = 3 }
                for question in area.questions { entry.setAnswer(question.id, "Answered.") }
                return entry
            },
            actions: [CanvasAction(title: "Run a DPIA", priority: .high, owner: "Data team", type: .action)], odi: nil)
        let directory = try TemporaryDirectory(prefix: "for-board")
        let file = directory.path + "/repairs.canvas.yaml"
        var incomplete = canvas
        incomplete.withArea(template.areas[0].id, in: template) { $0.status = .inProgress }
        try CanvasFile.write(incomplete, to: file)

        let context = TestContext.make(plugin: CanvasBuilderPlugin.descriptor)
        let plugin = try CanvasBuilderPlugin(
            settings: .init(templates: [Shipped.path("odi-data-ethics-canvas.yaml")]), context: context.plugin)
        await #expect {
            try await RecordCommand.parse([file, "--status", "for-board"]).run(plugin: plugin, context: context.plugin)
        } throws: { error in
            "\(error)".contains("a canvas goes to the board complete, and this one has 1 area to finish")
        }
        #expect(context.register.journalTopics.isEmpty, "nothing kept")

        try CanvasFile.write(canvas, to: file)
        try await RecordCommand.parse([file, "--status", "for-board"]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("(canvas, for-board)"), "\(context.output)")
        // Kept again unchanged, it is no new version; nor, once signed off, under another status.
        let kept = context.register.journalTopics.count
        try await RecordCommand.parse([file, "--status", "for-board"]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("unchanged since can-") && context.output.contains("version 1 (for-board); nothing kept"), "\(context.output)")
        #expect(context.register.journalTopics.count == kept)
        try await RecordCommand.parse([file]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("version 2 (canvas, draft)"), "a change of status is a new version: \(context.output)")
        // Signed off as it stands (a sign-off keeps the same content under status approved):
        // putting it to the board again changes nothing, so the approval stands.
        let id = try #require(try CanvasFile.read(file, templates: plugin.store).0.record)
        let latest = try #require(try await context.plugin.register.fetch(id))
        _ = try await context.plugin.register.write { write in
            try write.addVersion(of: id, RecordDraft(
                kind: CanvasBuilderPlugin.canvasKind, title: latest.title, author: "Board", status: "approved", reviewBy: latest.reviewBy,
                tags: latest.tags, attributes: latest.attributes, body: latest.body))
        }
        try await RecordCommand.parse([file, "--status", "for-board"]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("version 3 (approved); nothing kept"), "\(context.output)")
        #expect(try await context.plugin.register.fetch(id)?.status == "approved")

        #expect(CanvasStanding.carriedOver(from: "for-board", complete: true) == .forBoard)
        #expect(CanvasStanding.carriedOver(from: "for-board", complete: false) == .draft)
        #expect(CanvasStanding.carriedOver(from: "approved", complete: true) == .draft)
    }

    /// A copy of a canvas keeps the `record:` line of the one it was copied from: kept from
    /// another file under another title, it is refused (nothing kept) rather than added to the
    /// other project's record; a canvas moved, or retitled in place, is the same canvas.
    @Test func aCopiedCanvasIsNotKeptAsAVersionOfTheOriginal() async throws {
        let template = try Shipped.odi()
        let today = try #require(CalendarDate(year: 2026, month: 3, day: 1))
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: "Repairs 2026", uuid: "u", created: today,
            updated: today, reviewBy: nil, record: nil, areas: template.areas.map { CanvasArea(id: $0.id) }, actions: [], odi: nil)
        let directory = try TemporaryDirectory(prefix: "copied")
        let original = directory.path + "/repairs.canvas.yaml"
        try CanvasFile.write(canvas, to: original)
        let context = TestContext.make(plugin: CanvasBuilderPlugin.descriptor)
        let plugin = try CanvasBuilderPlugin(
            settings: .init(templates: [Shipped.path("odi-data-ethics-canvas.yaml")]), context: context.plugin)
        func record(_ arguments: [String]) async throws {
            try await RecordCommand.parse(arguments).run(plugin: plugin, context: context.plugin)
        }
        try await record([original])
        canvas.record = try CanvasFile.read(original, templates: plugin.store).0.record
        let id = try #require(canvas.record)

        // Copied for next year's project and retitled: refused, and nothing kept.
        let copy = directory.path + "/parking.canvas.yaml"
        var parking = canvas
        parking.title = "Parking permits"
        try CanvasFile.write(parking, to: copy)
        let kept = context.register.journalTopics.count
        await #expect {
            try await record([copy])
        } throws: { error in
            "\(error)".contains("this canvas names \(id), 'Repairs 2026', last kept from \(RecordCommand.location(of: original))")
                && "\(error)".contains("delete its 'record:' line") && "\(error)".contains("--same-canvas")
        }
        #expect(context.register.journalTopics.count == kept, "nothing kept")
        #expect(try await context.plugin.register.fetch(id)?.version == 1)

        // Said to be the same canvas, it is kept as the record's next version.
        try await record([copy, "--same-canvas"])
        #expect(try await context.plugin.register.fetch(id)?.title == "Parking permits")

        // Moved under the same title, or retitled where it was last kept: the same canvas.
        let moved = directory.path + "/moved.canvas.yaml"
        parking.updated = try #require(CalendarDate(year: 2026, month: 3, day: 2))
        try CanvasFile.write(parking, to: moved)
        try await record([moved])
        parking.title = "Parking permits, phase 2"
        try CanvasFile.write(parking, to: moved)
        try await record([directory.path + "/./moved.canvas.yaml"])
        #expect(try await context.plugin.register.fetch(id)?.version == 4, "\(context.output)")
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
