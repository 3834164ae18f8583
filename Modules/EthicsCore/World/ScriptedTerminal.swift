import Synchronization

/// A terminal that types a script of lines and keeps everything written to it: how tests (and
/// plugin authors' tests) hold an interactive conversation without a person. When the script runs
/// out it answers as Ctrl-D would.
public final class ScriptedTerminal: Terminal {
    private let state: Mutex<(lines: [String], transcript: String)>

    public init(_ lines: [String]) {
        state = Mutex((lines, ""))
    }

    public func write(_ text: String) {
        state.withLock { $0.transcript += text }
    }

    public func readLine() -> String? {
        state.withLock { state in
            guard !state.lines.isEmpty else { return nil }
            let line = state.lines.removeFirst()
            state.transcript += line + "\n"
            return line
        }
    }

    /// Everything written and typed so far, as it would have appeared on the screen.
    public var transcript: String {
        state.withLock { $0.transcript }
    }

    /// Lines of the script not read yet.
    public var unread: [String] {
        state.withLock { $0.lines }
    }
}
