import Crypto
import EthicsCore
import Foundation
import Glibc

/// Every page the server sends, from the one renderer: a ``Document`` rendered as HTML exactly as
/// `--format html` writes it (the council's branding, the stylesheet, glossary linking by the
/// glossary's hook), with the browser's parts set into it at fixed places: the web stylesheet's
/// link in the head, the navigation after the banner, and notices, errors and forms in `<main>`.
struct PageComposer: Sendable {
    let renderer: any DocumentRenderer
    /// The record kinds the register may hold, whose ids a notice links to their pages.
    let recordKinds: [RecordKind]

    struct Chrome {
        /// The signed-in person, for the navigation; nil on the sign-in page.
        var user: String?
        var csrf: String
        /// Whether the council's single-sign-on proxy signed `user` in: signing out is then the
        /// council's sign-in's business, so the page offers no button that would not stick.
        var singleSignOn = false
        /// Shown at the top of `<main>`, after the heading: what the last action did.
        var notice: String?
        /// HTML written by the server (forms), already escaped, after the document's blocks.
        var afterContent: String = ""
        /// HTML written by the server, already escaped, before the document's blocks.
        var beforeContent: String = ""
    }

    func page(_ document: Document, chrome: Chrome) throws -> String {
        var html = try renderer.render(document, as: .html)
        insert("<link rel=\"stylesheet\" href=\"\(WebStylesheet.path)\">\n", before: "</head>", in: &html)
        insert(navigation(chrome), before: "<main id=\"content\"", in: &html)
        var before = chrome.beforeContent
        if let notice = chrome.notice {
            before = "<div class=\"notice\" role=\"status\"><p>\(RecordPages.linkingRecords(in: e(notice), kinds: recordKinds))</p></div>\n" + before
        }
        if !before.isEmpty, let main = Self.find("<main id=\"content\"", in: html),
           let header = Self.find("</header>\n", in: html, from: main.upperBound) {
            html.insert(contentsOf: before, at: header.upperBound)
        }
        insert(chrome.afterContent, before: "</main>", in: &html)
        return html
    }

    private func insert(_ text: String, before marker: String, in html: inout String) {
        guard !text.isEmpty, let range = Self.find(marker, in: html) else { return }
        html.insert(contentsOf: text, at: range.lowerBound)
    }

    /// Where `marker` first occurs in `html` at or after `start`, searched in the UTF-8 bytes with
    /// the C library's `memchr` and `memcmp` (Foundation's `range(of:)` converts the page to UTF-16 for every
    /// search, and the generic `firstRange(of:)` spends its time on type metadata; a byte-by-byte
    /// loop was 4% of the glossary page under load, since the page's stylesheet comes first).
    static func find(_ marker: String, in html: String, from start: String.Index? = nil) -> Range<String.Index>? {
        var html = html
        html.makeContiguousUTF8()
        let utf8 = html.utf8
        let offset = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var marker = marker
            return marker.withUTF8 { needle -> Int? in
                guard let base = bytes.baseAddress, let pattern = needle.baseAddress, let first = needle.first,
                      offset <= bytes.count else { return nil }
                var index = offset
                let last = bytes.count - needle.count
                while index <= last {
                    // memchr skips to the next candidate a word at a time.
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, pattern, needle.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
        guard let position = found ?? nil else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: position)
        return lower..<utf8.index(lower, offsetBy: marker.utf8.count)
    }

    private func navigation(_ chrome: Chrome) -> String {
        guard let user = chrome.user else { return "" }
        let signOut = chrome.singleSignOn ? "" : """
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(e(chrome.csrf))"><button type="submit" class="link-button">Sign out</button></form>

            """
        return """
            <nav class="site-nav" aria-label="Toolkit">
            <ul>
            <li><a href="/">Home</a></li>
            <li><a href="/records">Register</a></li>
            <li><a href="/records/due">Reviews due</a></li>
            </ul>
            <p class="signed-in">Signed in as \(e(user))\(chrome.singleSignOn ? " through the council's single sign-on" : "")</p>
            \(signOut)</nav>

            """
    }

    /// The Content-Security-Policy hash of the renderer's embedded stylesheet, read off a page it
    /// renders, so the policy allows exactly that style and no other inline style or any script.
    func styleHash() throws -> String {
        let html = try renderer.render(Document(title: "style"), as: .html)
        guard let open = html.range(of: "<style>"), let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex) else {
            return ""
        }
        let digest = SHA256.hash(data: Data(html[open.upperBound..<close.lowerBound].utf8))
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }
}
