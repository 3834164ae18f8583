import EthicsCore

/// In the browser, a document's mention of a command (`ethics consequence-scanning scan`) is a
/// link to the page that does the same, so nobody is sent to a terminal they do not have.
/// A command whose operation the browser does not offer (one that works on files) stays as
/// written. A document hook, so plugins write their documents once for every front end.
enum CommandPages {
    /// `paths` maps `plugin/operation` to the page of each operation the browser offers.
    static func hook(paths: [String: String]) -> DocumentHook {
        DocumentHook(name: "serve.command-pages", order: -100, formats: [.html]) { document in
            // Most pages name no command; they are not copied for nothing.
            guard document.containsInline(where: { if case .command = $0 { true } else { false } }) else { return document }
            return document.mapInlines { inline in
                guard case .command(_, let page) = inline, let path = paths["\(page.plugin)/\(page.operation)"] else { return [inline] }
                return [.link(page.words, url: path)]
            }
        }
    }
}
