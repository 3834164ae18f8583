import EthicsDiagnostics

/// Who is acting: the person a record, a review or a sign-off is written in the name of.
///
/// On the command line it is `--as NAME`, else `$ETHICS_AUTHOR`, else the login name; a signed-in
/// user in the browser later. Plugins take it from their context; a command's own `--author`
/// names someone else as accountable for one record.
public struct Person: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String
    /// Where the name came from (`--as`, `ETHICS_AUTHOR`, `login name`), for messages that say
    /// how to change it.
    public var source: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }

    public var description: String { name }

    /// Why `name` cannot name the acting person, or nil when it can. A blank name would quietly
    /// fall through to the login name, and a control character (a line break, an escape) would
    /// break the line of every table, page and paper the name is kept on.
    public static func problem(with name: String) -> String? {
        if name.allSatisfy(\.isWhitespace) { return "names nobody" }
        if ControlCharacters.containsAnyControl(name) {
            return "holds a control character (a line break, a tab or an escape); a name is one line of text"
        }
        return nil
    }

    /// The acting person from the command line's `--as`, then the environment, or nil when
    /// nothing names anyone.
    public static func resolve(explicit: String?, environment: [String: String]) -> Person? {
        let candidates: [(String?, String)] = [
            (explicit, "--as"), (environment["ETHICS_AUTHOR"], "ETHICS_AUTHOR"),
            (environment["LOGNAME"], "login name"), (environment["USER"], "login name"),
        ]
        for (name, source) in candidates {
            if let name, !name.allSatisfy(\.isWhitespace) { return Person(name: name, source: source) }
        }
        return nil
    }
}
