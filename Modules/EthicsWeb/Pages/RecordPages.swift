import EthicsCore

/// In the browser, a record id a document names as code (`dec-2026-0001` in the transparency
/// records' list, a scan's id) is a link to the record's page, as the register's own pages link
/// them. A document hook, so plugins write their documents once for every front end; an id
/// already inside a link is left as it is.
enum RecordPages {
    /// `prefixes` are the id prefixes of the record kinds the register may hold (`dec`, `can`).
    static func hook(prefixes: [String]) -> DocumentHook {
        DocumentHook(name: "serve.record-pages", order: -90, formats: [.html]) { document in
            document.linkingCode { code in isRecordID(code, prefixes: prefixes) ? "/records/" + code : nil }
        }
    }

    /// `PREFIX-YYYY-NNNN` (a serial of four digits or more) for one of `prefixes`: the shape
    /// ``RecordKind/recordID(year:serial:)`` gives every record id.
    static func isRecordID(_ text: String, prefixes: [String]) -> Bool {
        guard let prefix = prefixes.first(where: { text.hasPrefix($0 + "-") }) else { return false }
        let parts = text.dropFirst(prefix.count + 1).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[1].count >= 4
            && parts.allSatisfy { $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }
}
