import EthicsDiagnostics

/// The renderer's HTML escaping, for front ends that write HTML of their own around a rendered
/// page (the browser's forms in `ethics serve`): one escaping function for the whole toolkit.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe as element
    /// content and inside a quoted attribute. Control characters (a NUL typed into a form) are
    /// shown as the renderer shows them in documents (``ControlCharacters``).
    public static func escaped(_ text: some StringProtocol) -> String {
        var html = ""
        html.appendHTMLEscaped(ControlCharacters.neutralised(String(text)))
        return html
    }
}
