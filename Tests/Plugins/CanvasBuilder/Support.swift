import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Foundation
@testable import CanvasBuilder

/// The shipped templates, loaded the way the plugin loads them.
enum Shipped {
    static let canvases = CommandRunner.repositoryRoot.appendingPathComponent("Configs/content/canvases").path
    static let fixtures = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/CanvasBuilder").path

    static func path(_ file: String) -> ContentPath {
        let full = canvases + "/" + file
        return ContentPath(path: full, written: file, location: SourceLocation(file: "test.yaml", line: 1, column: 1))
    }

    static func store(_ extra: [ContentPath] = []) -> TemplateStore {
        TemplateStore(
            files: [path("odi-data-ethics-canvas.yaml"), path("uk-data-ethics-framework.yaml")] + extra,
            loader: TemplateLoader(attributes: AttributeCatalog(TestContext.fiveAttributes)))
    }

    static func odi() throws -> CanvasTemplate { try store().template("odi-data-ethics-canvas") }

    static func parseFixture(_ name: String) throws -> JSONDocument {
        let file = fixtures + "/" + name
        return try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: name)
    }

    /// The message of the one problem `body` reports.
    static func problem(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as DiagnosticError {
            return error.description
        } catch {
            return "\(error)"
        }
    }
}
