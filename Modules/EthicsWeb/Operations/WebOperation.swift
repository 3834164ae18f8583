import Crypto
import EthicsCore
import Foundation
import Synchronization

/// One operation of an enabled plugin as the browser runs it, whatever the plugin: its form, and
/// a way to run it. Made from the plugin's `static operations`; no plugin has web code of its own.
struct WebOperation: Sendable {
    let pluginID: String
    let pluginName: String
    let name: String
    let summary: String
    let discussion: String
    let input: Form
    let writes: Bool
    let run: @Sendable (OperationInput, PluginContext) async throws -> Document

    var path: String { "/plugins/\(pluginID)/\(name)" }

    static func all(of plugin: any EthicsPlugin) -> [WebOperation] {
        operations(of: plugin)
    }

    /// Every operation but those working on files the person names: in a browser, those would
    /// be files on the server. No form asks who else is accountable: the signed-in person is.
    private static func operations<P: EthicsPlugin>(of plugin: P) -> [WebOperation] {
        P.operations.filter { !$0.usesFiles }.map { operation in
            var input = operation.input
            input.fields.removeAll { $0.id == FormField.accountableID }
            return WebOperation(
                pluginID: P.descriptor.id, pluginName: P.descriptor.name, name: operation.name, summary: operation.summary,
                discussion: operation.discussion, input: input, writes: operation.writes
            ) { input, context in
                try await operation.run(plugin, input, context.forPlugin(P.descriptor))
            }
        }
    }
}

/// How far someone has got through an operation in the browser: the answers to its input form,
/// then to each further form it asked, in order. The pages carry it in a hidden field, signed by
/// the server for the person it belongs to, so it cannot be altered or replayed by anyone else.
struct OperationProgress: Codable, Sendable, Hashable {
    struct Step: Codable, Sendable, Hashable {
        var form: String
        var answers: FormAnswers
    }

    var input: FormAnswers?
    var steps: [Step] = []
    /// The current answers the page showed with the form it asks (an area as it stood when the
    /// person opened it), so a save can tell that someone else changed it meanwhile.
    var shown: FormAnswers?
    /// The saved draft this continues, removed when the operation finishes.
    var draft: String?
    /// This run of the operation, named when its first form is answered: a run that has
    /// finished is not finished again (a refresh, Back then Continue on the last page).
    var run: String?
    /// Answers typed on the page when it was saved to finish later, not yet accepted: shown
    /// again when the person carries on.
    var typed: Step?
}

/// The runs of writing operations that finished, and the page each ended on, so that a run sent
/// again shows what it kept instead of keeping it twice. In memory, the most recent 1,000: a
/// restart forgets them, and a page sealed before the restart no longer opens anyway.
final class FinishedRuns: Sendable {
    private let finished = Mutex<(pages: [String: Document], order: [String])>(([:], []))
    private let capacity = 1000

    /// Claims `run` for finishing; false when it finished (or is finishing) already.
    func claim(_ run: String) -> Bool {
        finished.withLock { state in
            guard state.pages[run] == nil, !state.order.contains(run) else { return false }
            state.order.append(run)
            if state.order.count > capacity { state.pages[state.order.removeFirst()] = nil }
            return true
        }
    }

    /// The run finished on `page`.
    func finish(_ run: String, page: Document) {
        finished.withLock { $0.pages[run] = page }
    }

    /// The run did not finish after all (the operation refused an answer): it may be sent again.
    func release(_ run: String) {
        finished.withLock { state in state.order.removeAll { $0 == run } }
    }

    /// The page `run` finished on, when it did.
    func page(of run: String) -> Document? {
        finished.withLock { $0.pages[run] }
    }
}

/// Signs and checks ``OperationProgress`` with a key made when the server starts.
struct ProgressSeal: Sendable {
    /// 32 random bytes, kept as bytes (a SymmetricKey is not Sendable).
    private let secret: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }()

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    func seal(_ progress: OperationProgress, for user: String) -> String {
        let json = (try? JSONEncoder().encode(progress)) ?? Data()
        let mac = HMAC<SHA256>.authenticationCode(for: Data(user.utf8) + [0] + json, using: key)
        return json.base64EncodedString() + "." + Data(mac).base64EncodedString()
    }

    func open(_ text: String?, for user: String) -> OperationProgress? {
        guard let text, let dot = text.firstIndex(of: "."),
              let json = Data(base64Encoded: String(text[..<dot])), let mac = Data(base64Encoded: String(text[text.index(after: dot)...])),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(user.utf8) + [0] + json, using: key) else { return nil }
        return try? JSONDecoder().decode(OperationProgress.self, from: json)
    }
}

/// The browser's way of answering the further forms an operation asks as it runs (a node of a
/// walk, an area of a canvas): the operation is run again from the start on each page with the
/// answers given so far, in order; the first form with no answer yet stops it, and that form is
/// the next page. Operations ask before they write, so a run that stops has kept nothing.
final class ReplayForms: FormDriver {
    struct FormNeeded: Error {
        var form: Form
        var current: FormAnswers
        var index: Int
    }

    private let steps: [OperationProgress.Step]
    private let asked = Mutex(0)

    init(steps: [OperationProgress.Step]) {
        self.steps = steps
    }

    func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers {
        let index = asked.withLock { count in
            defer { count += 1 }
            return count
        }
        guard index < steps.count, steps[index].form == form.id else {
            throw FormNeeded(form: form, current: current, index: index)
        }
        return steps[index].answers
    }
}
