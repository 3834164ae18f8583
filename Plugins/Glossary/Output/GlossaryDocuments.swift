import EthicsCore

/// The documents the glossary's commands print. Each is built from the glossary alone and
/// rendered by the toolkit's renderer, so escaping, layout and accessibility are not the
/// glossary's business; terms are given their entry anchors, so the renderer's links and the
/// auto-linker's appendix agree on where a definition lives.
enum GlossaryDocuments {
    /// How an entry's kind reads in a document: "Term", "Resource (guidance)".
    static func kindName(_ kind: EntryKind) -> String {
        switch kind {
        case .term: "Term"
        case .resource(let type): "Resource (\(type.rawValue))"
        }
    }

    /// The attributes' names as the council's catalogue gives them.
    static func attributeNames(_ ids: [String], catalog: AttributeCatalog) -> String {
        ids.map { catalog[$0]?.name ?? $0 }.joined(separator: ", ")
    }

    /// A reference to another entry by id: a term reference when the glossary has it, the bare
    /// id (which `lint` reports) when it does not.
    static func mention(_ id: String, in glossary: Glossary) -> [Inline] {
        guard let entry = glossary[id] else { return [.text(id)] }
        return [.termReference(entry.label, termID: entry.id)]
    }

    /// One line per source: a glossary resource as a term reference, a reference as a link.
    static func sourceLines(_ sources: [EntrySource], in glossary: Glossary) -> [[Inline]] {
        sources.map { source in
            switch source {
            case .entry(let id):
                return mention(id, in: glossary)
            case .reference(let reference):
                var line: [Inline] = reference.url.map { [.link(reference.title, url: $0)] } ?? [.text(reference.title)]
                if let publisher = reference.publisher { line.append(.text(", \(publisher)")) }
                if let note = reference.note { line.append(.text(" (\(note))")) }
                return line
            }
        }
    }

    /// The paragraph that says where a resource can be read.
    static func resourceLink(_ entry: GlossaryEntry) -> Block? {
        guard let url = entry.url else { return nil }
        let publisher = entry.publisher.map { "Published by \($0): " } ?? "At "
        return .paragraph([.text(publisher), .link(url, url: url)])
    }
}
