import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// The codes-against-attributes matrix, checked against counts made by hand from the content
/// files (Configs/content/codes/nolan.yaml and data-ethics-framework.yaml).
@Suite struct MatrixTests {
    /// Nolan: selflessness B; integrity J E; objectivity J; accountability E; openness E A;
    /// honesty E A; leadership J N.
    /// DEF: transparency E; accountability E; fairness J N; 1 B; 2 J N; 3 N A; 4 N J E; 5 B N.
    /// Columns: beneficence, non-maleficence, autonomy, justice, explicability.
    @Test func nolanAndTheDataEthicsFrameworkMatchTheHandCount() throws {
        let library = try Fixtures.library()
        let codes = try library.codes(named: ["nolan,def"])
        let matrix = AttributeMatrix(codes: codes, attributes: library.attributes.attributes)

        #expect(matrix.attributes.map(\.id) == ["beneficence", "non-maleficence", "autonomy", "justice", "explicability"])
        #expect(matrix.rows.map(\.code.id) == ["nolan", "def"])
        #expect(matrix.rows.map(\.clauseCount) == [7, 8])
        #expect(matrix.rows[0].counts == [1, 1, 2, 3, 4])
        #expect(matrix.rows[1].counts == [2, 5, 1, 3, 3])
        #expect(matrix.rows.map(\.attributesCovered) == [5, 5])
        #expect(matrix.rows[0].share(4) == 4.0 / 7.0)
        #expect(matrix.rows[0].share(1) == 1.0 / 7.0)
        #expect(matrix.rows[0].share(2) == 2.0 / 7.0)
    }

    @Test func csvIsOneRowPerCodeAndAttribute() async throws {
        let (plugin, context) = try Fixtures.plugin()
        try await MatrixCommand.parse(["--codes", "nolan", "def", "--format", "csv"]).run(plugin: plugin, context: context.plugin)
        let lines = context.output.split(separator: "\r\n").map(String.init)

        #expect(lines.first == "Code,Attribute,Clauses serving it,Clauses in code,Share")
        #expect(lines.count == 1 + 2 * 5)
        #expect(lines.contains("nolan,explicability,4,7,0.57"))
        #expect(lines.contains("nolan,non-maleficence,1,7,0.14"))
        #expect(lines.contains("def,non-maleficence,5,8,0.63"))
    }

    @Test func htmlHeatmapSaysEveryShareInWordsBesideItsShading() async throws {
        let (plugin, context) = try Fixtures.plugin()
        try await MatrixCommand.parse(["--codes", "nolan", "--format", "html"]).run(plugin: plugin, context: context.plugin)
        let html = context.output

        // Cells read without help: the count, of how many clauses, and the share; no bare "4 0.57".
        #expect(html.contains(#"data-intensity="0.57">4 of 7 clauses (57%)</td>"#), "\(html)")
        #expect(!html.contains("heat-value"))
        #expect(html.contains("5 of 5"))
        // Codes by name, not id.
        #expect(html.contains("<th scope=\"row\">The Seven Principles of Public Life</th>"))
        #expect(!html.contains("<code>nolan</code>"))
    }

    @Test func anUnknownCodeIsReportedWithTheClosestId() throws {
        let library = try Fixtures.library()
        let error = #expect(throws: DiagnosticError.self) { try library.codes(named: ["nolan", "bsc"]) }
        #expect(error?.diagnostics.map(\.message) == ["no code has the id 'bsc'"])
        #expect(error?.diagnostics.first?.suggestion == "did you mean 'bcs'?")
    }
}
