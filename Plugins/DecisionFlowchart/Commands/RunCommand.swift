import ArgumentParser
import EthicsCore
import Foundation
import EthicsDiagnostics
import EthicsYAML

/// `ethics decision-flowchart run`: walks a proposal through a flowchart and keeps the decision.
struct RunCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Walk a proposal through a flowchart and keep the decision record.",
        discussion: """
            On a terminal the walk is interactive: numbered choices, answers over several lines, \
            ':back' to go back a step and ':save' to save and finish later (run --resume ID). \
            Ctrl-C stops and keeps nothing. Elsewhere, pass --answers FILE: a YAML mapping from \
            node id to answer. The record is kept in the register and printed, or written with --output.
            """)

    @Option(help: "What is being decided, e.g. \"Use predictive analytics to prioritise housing repairs\".")
    var title: String?

    @Option(help: "The flowchart to walk; the configured default when omitted.")
    var flowchart: String?

    @Option(help: ArgumentHelp("Answer from a YAML file instead of a terminal.", valueName: "file"))
    var answers: String?

    @Option(help: "Who is accountable for the decision; the acting person (--as, $ETHICS_AUTHOR, the login name) when omitted.")
    var author: String?

    @Option(name: .customLong("cites"), help: ArgumentHelp("A register record (a canvas) the decision rests on; repeatable.", valueName: "id"))
    var cites: [String] = []

    @Option(help: ArgumentHelp("Continue a session saved with ':save'.", valueName: "session-id"))
    var resume: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the record to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var format: RecordFormatOption

    func validate() throws {
        if resume == nil, title?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw ValidationError("give the decision a title with --title, or continue a saved session with --resume ID")
        }
        if resume != nil, title != nil || flowchart != nil {
            throw ValidationError("--resume continues a saved session with its own title and flowchart; leave out --title and --flowchart")
        }
        if resume != nil, answers != nil {
            throw ValidationError("--resume is for the terminal; an answers file starts a walk of its own")
        }
    }

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let store = SessionStore(workspace: context.workspace)
        var session: SavedSession
        let chart: Flowchart
        var walk: DecisionWalk
        if let resume {
            session = try store.load(resume)
            chart = try plugin.flowchart(session.walk.flowchartID)
            do {
                walk = try DecisionWalk.replaying(session.walk.steps, in: chart)
            } catch {
                throw DiagnosticError.error(
                    "saved session '\(resume)' no longer fits flowchart '\(chart.id.value)' (saved with version \(session.walk.flowchartVersion), now \(chart.version)): \(error.message)",
                    suggestion: "start again with 'run --title'")
            }
        } else {
            chart = try plugin.flowchart(flowchart)
            walk = DecisionWalk(chart: chart)
            let author = try author ?? context.actingPerson(for: "this decision").name
            session = SavedSession(
                id: SessionStore.newID(context.clock), title: title ?? "", author: author, cites: cites, walk: walk,
                saved: context.clock.now())
        }
        let recorder = DecisionRecorder(context: context)
        try await recorder.checkCitations(session.cites)
        // Answers come from a file, or from a person at a terminal; never from a pipe by accident.
        let answersFile = try answers.map { file throws(DiagnosticError) in try AnswersFile(file: file, chart: chart) }
        // After the answers are read, so that -o naming the answers file is refused (FilesRead).
        try context.checkDestination(format.format(writing: output), path: output)
        guard answersFile != nil || context.terminal != nil else {
            throw DiagnosticError.error(
                "standard input and output are not a terminal, so the walk cannot ask its questions",
                suggestion: "pass --answers FILE (a YAML mapping from node id to answer) to run unattended")
        }

        if let answersFile {
            walk = try Self.walk(chart, from: walk, answers: answersFile)
        } else if let terminal = context.terminal {
            let conversation = TerminalConversation(chart: chart, terminal: terminal)
            terminal.line("\(session.title)\nFlowchart: \(chart.title) (\(chart.id.value), version \(chart.version))\n\(conversation.forms.help)")
            switch try conversation.converse(from: walk) {
            case .saved(let partial):
                session.walk = partial
                session.saved = context.clock.now()
                try store.save(session)
                context.output.line("\nSaved as \(session.id). Continue with: ethics decision-flowchart run --resume \(session.id)")
                return
            case .finished(let finished):
                walk = finished
            }
        }

        let builder = DecisionRecordBuilder(chart: chart, attributes: context.model.attributes)
        let content = builder.content(
            of: walk, title: session.title, author: session.author, council: context.model.council.name,
            date: context.clock.today(), cites: session.cites)
        let kept = try await recorder.keep(content)
        if resume != nil { store.remove(session.id) }
        let document = DecisionDocument(
            id: kept.version.id, version: kept.version.version, content: kept.content, attributes: context.model.attributes, chart: chart)
        if let output {
            try SafeFile.writeOutput(try context.renderer.renderBytes(document.document, as: format.format(writing: output)), to: output)
            context.output.line("Recorded \(kept.version.id): \(content.outcome.verdict.label). Written to \(output).")
        } else {
            try context.write(document.document, as: format.format(writing: output))
        }
    }

    /// A walk from an answers file: each node on the way must have an answer, and the file gives
    /// one answer per node, so a walk that comes back to a node it passed cannot go on.
    static func walk(
        _ chart: Flowchart, from start: DecisionWalk, answers: AnswersFile
    ) throws(DiagnosticError) -> DecisionWalk {
        var walk = start
        var visited = Set(walk.steps.map(\.node))
        while !walk.isFinished {
            let node = walk.currentNode(in: chart)
            guard visited.insert(node.id.value).inserted else {
                throw .error(
                    "the answers lead back to '\(node.id.value)', which was answered already; an answers file gives one answer per node, so it cannot go round this loop",
                    at: answers.location(of: node.id.value), file: answers.file,
                    suggestion: "choose answers that lead on, or walk this loop at a terminal")
            }
            let answer = try answers.answer(for: node, in: chart)
            do {
                _ = try walk.answer(answer, in: chart)
            } catch {
                throw .error("invalid answer for '\(node.id.value)': \(error.message)", at: answers.location(of: node.id.value))
            }
        }
        return walk
    }
}
