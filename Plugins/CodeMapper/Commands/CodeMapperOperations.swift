public import EthicsCore
import EthicsDiagnostics

/// What the browser (`ethics serve`) offers of the code mapper, from the same pages as the
/// hand-written commands: the list of codes, the attribute matrix, a crosswalk and a gap report.
/// The command line keeps its own tree (with `--format`, spreadsheets and exit statuses).
extension CodeMapperPlugin {
    public static let operations: [PluginOperation<CodeMapperPlugin>] = [
        PluginOperation("list", summary: "List the professional codes") { plugin, _, _ in
            CodeListPage(library: try plugin.library()).document
        },
        PluginOperation("matrix", summary: "See how each code covers the attributes of ethical practice") { plugin, _, _ in
            let library = try plugin.library()
            let matrix = AttributeMatrix(codes: try library.codes(named: []), attributes: library.attributes.attributes)
            return MatrixPage(matrix: matrix, library: library).document
        },
        PluginOperation(
            "crosswalk", summary: "Find each clause's counterparts in another code",
            input: [
                FormField(id: "from", label: "The code whose clauses are listed", help: "Its id, such as nolan.", kind: .text),
                FormField(id: "to", label: "The code to find counterparts in", help: "Its id, such as bcs.", kind: .text),
            ],
            positional: ["from", "to"]
        ) { plugin, input, _ in
            let library = try plugin.library()
            let (from, to) = try library.crosswalkCodes(from: input.answers.text("from") ?? "", to: input.answers.text("to") ?? "")
            return CrosswalkPage(crosswalk: Crosswalk(from: from, to: to, in: library, limit: 3), library: library, limit: 3).document
        },
        PluginOperation(
            "gaps", summary: "Show what a code leaves uncovered",
            input: [FormField(id: "code", label: "The code to examine", help: "Its id, such as a council's own code.", kind: .text)],
            positional: ["code"]
        ) { plugin, input, _ in
            let library = try plugin.library()
            let examined = try library.code(named: input.answers.text("code") ?? "")
            let references = try library.codes(named: []).filter { $0.id != examined.id }
            return GapsPage(report: GapReport(for: examined, against: references, in: library), library: library).document
        },
    ]
}
