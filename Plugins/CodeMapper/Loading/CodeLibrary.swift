import EthicsCore
import EthicsDiagnostics
import Foundation

/// The codes in force for a council, checked, with the lookups every command needs.
struct CodeLibrary: Sendable {
    /// In the order the configuration lists their files (shipped codes first, then local ones).
    let codes: [ProfessionalCode]
    /// The council's attributes, whose order every table and list follows.
    let attributes: AttributeCatalog
    private let codeIndex: [String: Int]
    private let clauseIndex: [String: Clause]
    /// For each clause, the clauses of other codes whose `related:` names it, so a link written
    /// once, on either side, shows on both.
    private let namedBy: [String: [Clause]]

    init(codes: [ProfessionalCode], attributes: AttributeCatalog) {
        self.codes = codes
        self.attributes = attributes
        codeIndex = Dictionary(codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clauses = codes.flatMap(\.clauses)
        clauseIndex = Dictionary(clauses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var namedBy: [String: [Clause]] = [:]
        for clause in clauses {
            for reference in clause.related {
                namedBy[reference.id, default: []].append(clause)
            }
        }
        self.namedBy = namedBy
    }

    func code(_ id: String) -> ProfessionalCode? {
        codeIndex[id].map { codes[$0] }
    }

    func clause(_ id: String) -> Clause? {
        clauseIndex[id]
    }

    /// The code a clause of this library belongs to.
    func code(of clause: Clause) -> ProfessionalCode? {
        code(clause.codeID)
    }

    /// The code and section with section id `id`.
    func section(_ id: String) -> (code: ProfessionalCode, section: CodeSection)? {
        for code in codes {
            if let section = code.sections.first(where: { $0.id == id }) { return (code, section) }
        }
        return nil
    }

    /// Clauses of other codes that name `clause` as related.
    func clausesNaming(_ clause: Clause) -> [Clause] {
        namedBy[clause.id] ?? []
    }

    /// One clause linked to another, and which of the two wrote the link.
    struct Link: Sendable {
        enum Direction: Sendable {
            /// The clause names the other under `related:`.
            case names
            /// The other names the clause.
            case namedBy
            /// Each names the other.
            case mutual
        }

        let clause: Clause
        let direction: Direction
    }

    /// The clauses linked to `clause`, each once: those it names, in its order, then those
    /// naming it, in code order.
    func links(of clause: Clause) -> [Link] {
        let naming = clausesNaming(clause)
        var links = clause.related.compactMap { reference in
            self.clause(reference.id).map { other in
                Link(clause: other, direction: naming.contains { $0.id == other.id } ? .mutual : .names)
            }
        }
        for other in naming where !clause.names(other) {
            links.append(Link(clause: other, direction: .namedBy))
        }
        return links
    }

    /// Whether the content links the two clauses, whichever of them wrote the link.
    func areLinked(_ first: Clause, _ second: Clause) -> Bool {
        first.names(second) || second.names(first)
    }

    /// Every role any code names, sorted.
    var roles: [String] {
        Set(codes.flatMap(\.audience)).sorted()
    }

    func codes(forRole role: String) -> [ProfessionalCode] {
        codes.filter { $0.audience.contains(role) }
    }

    /// Every id `show` accepts: codes, sections and clauses.
    var allIDs: [String] {
        codes.flatMap { code in
            [code.id] + code.sections.flatMap { section in section.id.map { [$0] } ?? [] } + code.clauses.map(\.id)
        }
    }

    /// The attributes, in the council's order, among `ids`.
    func attributes(among ids: some Sequence<String>) -> [Attribute] {
        let wanted = Set(ids)
        return attributes.attributes.filter { wanted.contains($0.id) }
    }

    /// The codes named on the command line, in the order given; every code when none are named.
    /// Ids may be given as separate arguments or comma-separated (`--codes nolan,bcs`).
    func codes(named arguments: [String]) throws(DiagnosticError) -> [ProfessionalCode] {
        let ids = arguments.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            // Nothing asked is every code; an empty value given (`--codes ""`, a script's unset
            // variable) is a mistake, not a request for all of them.
            guard arguments.isEmpty else { throw .error("no code is named", suggestion: "name codes by id, such as nolan,bcs, or leave the option out for every code") }
            return codes
        }
        var selected: [ProfessionalCode] = []
        var problems = DiagnosticCollector()
        for id in ids {
            do {
                let code = try code(named: id)
                if !selected.contains(where: { $0.id == code.id }) { selected.append(code) }
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        try problems.throwIfErrors()
        return selected
    }

    /// The code with id `id`, or an error that lists the codes there are.
    func code(named id: String) throws(DiagnosticError) -> ProfessionalCode {
        guard let code = code(id) else {
            throw .error(
                "no code has the id '\(id)'",
                suggestion: Suggestion.didYouMean(id, among: codes.map(\.id))
                    ?? "the codes are: \(codes.map(\.id).joined(separator: ", "))")
        }
        return code
    }

    /// The two codes of a crosswalk, every unknown id reported at once; the same code twice is
    /// refused, since each clause would only be paired with itself. The one check for the
    /// command line and the browser alike.
    func crosswalkCodes(from source: String, to target: String) throws(DiagnosticError) -> (from: ProfessionalCode, to: ProfessionalCode) {
        var problems = DiagnosticCollector()
        let from = problems.collecting { () throws(DiagnosticError) in try code(named: source) }
        let to = problems.collecting { () throws(DiagnosticError) in try code(named: target) }
        guard let from, let to else { throw DiagnosticError(problems.diagnostics) }
        guard from.id != to.id else {
            throw .error("a crosswalk needs two different codes, and both are '\(from.id)'", suggestion: "name another code to find counterparts in")
        }
        return (from, to)
    }
}
