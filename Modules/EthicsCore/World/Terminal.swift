/// A person at a terminal, when there is one: where interactive forms ask their questions.
///
/// The context holds a terminal only when standard input and output are both a terminal, so a
/// plugin that finds none asks for an answers file instead of reading a pipe by accident. Plugins
/// never call `readLine` or `isatty` themselves; tests hand them a ``ScriptedTerminal``.
public protocol Terminal: Sendable {
    /// Writes text as given (prompts do not end with a newline).
    func write(_ text: String)
    /// The next line typed, without its newline; nil at the end of input (Ctrl-D).
    func readLine() -> String?
}

extension Terminal {
    public func line(_ text: String = "") {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }
}
