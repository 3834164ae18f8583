public import EthicsDiagnostics

/// Editorial checks over a loaded glossary: problems that leave it usable but mislead readers.
///
/// - a see-also or a source that names no entry (a dangling link);
/// - the same label, preferred or alternative, on two entries (a search or a link could land on
///   either, so one of them is wrong);
/// - a term without a source (a reader cannot check where the definition comes from).
///
/// Findings are warnings positioned where the problem is written; `ethics glossary lint` prints
/// them and exits 1 when there are any.
public struct GlossaryLinter: Sendable {
    public let glossary: Glossary

    public init(glossary: Glossary) {
        self.glossary = glossary
    }

    public func findings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let ids = glossary.entries.map(\.id)
        var labelOwners: [String: (entry: GlossaryEntry, location: SourceLocation?)] = [:]
        for entry in glossary.entries {
            for (offset, id) in entry.seeAlso.enumerated() where glossary[id] == nil {
                findings.append(warning(
                    "see-also '\(id)' names no entry of the glossary", entry, at: entry.origin?.seeAlso[safe: offset],
                    keyPath: "see-also", suggestion: Suggestion.didYouMean(id, among: ids)))
            }
            for (offset, source) in entry.sources.enumerated() {
                guard case .entry(let id) = source, glossary[id] == nil else { continue }
                findings.append(warning(
                    "source '\(id)' names no entry of the glossary", entry, at: entry.origin?.sources[safe: offset],
                    keyPath: "sources", suggestion: Suggestion.didYouMean(id, among: ids)))
            }
            if !entry.hasSource {
                findings.append(warning(
                    "the term '\(entry.id)' has no source", entry, at: entry.origin?.entry,
                    suggestion: "add 'sources:' naming a resource of the glossary or a reference"))
            }
            let locations = [entry.origin?.label] + (entry.origin?.altLabels.map(Optional.some) ?? [])
            var ownLabels = Set<String>()
            for (offset, label) in entry.allLabels.enumerated() {
                let folded = TextFolding.fold(label)
                guard !folded.isEmpty, ownLabels.insert(folded).inserted else { continue }
                let location = locations[safe: offset] ?? nil
                if let owner = labelOwners[folded] {
                    let place = owner.location.map { " at \($0)" } ?? ""
                    findings.append(warning(
                        "the label '\(label)' is also a label of '\(owner.entry.id)'\(place)", entry, at: location,
                        keyPath: offset == 0 ? "label" : "alt-labels",
                        suggestion: "keep it on one entry and point the other to it with 'see-also:'"))
                } else {
                    labelOwners[folded] = (entry, location)
                }
            }
        }
        return DiagnosticError(findings).diagnostics
    }

    private func warning(
        _ message: String, _ entry: GlossaryEntry, at location: SourceLocation?, keyPath: String? = nil,
        suggestion: String? = nil
    ) -> Diagnostic {
        // An entry built in code has no position, so the message names it instead.
        Diagnostic(
            .warning, location == nil ? "\(entry.id): \(message)" : message, at: location,
            keyPath: keyPath, suggestion: suggestion)
    }
}

extension Array {
    /// The element at `index`, or nil past the end: origins built by hand may list fewer
    /// positions than the entry has values.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
