import EthicsCore

/// In the browser, a record id a document names as code (`dec-2026-0001` in the transparency
/// records' list, a scan's id) is a link to the record's page, as the register's own pages link
/// them. A document hook, so plugins write their documents once for every front end; an id
/// already inside a link is left as it is.
enum RecordPages {
    /// `kinds` are the record kinds the register may hold.
    static func hook(kinds: [RecordKind]) -> DocumentHook {
        DocumentHook(name: "serve.record-pages", order: -90, formats: [.html]) { document in
            document.linkingCode { code in isRecordID(code, kinds: kinds) ? "/records/" + code : nil }
        }
    }

    /// Whether `text` has the shape of an id of one of `kinds` (``RecordKind/hasRecordIDShape(_:)``).
    static func isRecordID(_ text: some StringProtocol, kinds: [RecordKind]) -> Bool {
        kinds.contains { $0.hasRecordIDShape(text) }
    }

    /// `html` (escaped text) with each record id it names (`Kept as can-2026-0001`) made a link
    /// to the record's page, so a notice of what was kept leads to it. Ids are lowercase letters,
    /// digits and hyphens, which escaping leaves as they are.
    static func linkingRecords(in html: String, kinds: [RecordKind]) -> String {
        var linked = ""
        var word = ""
        func endWord() {
            linked += isRecordID(word, kinds: kinds) ? "<a href=\"/records/\(word)\">\(word)</a>" : word
            word = ""
        }
        for character in html {
            if character == "-" || ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                word.append(character)
            } else {
                endWord()
                linked.append(character)
            }
        }
        endWord()
        return linked
    }
}
