import EthicsTestSupport
import Foundation
import Testing

/// `canvas-builder import checklist.yml` tells the user how to use the template it wrote, and
/// following that advice to the letter gives a configuration that accepts it.
@Suite struct DeonImportEndToEndTests {
    static let checklist = """
        title: Housing data checklist
        sections:
          - title: Data collection
            section_id: A
            lines:
              - line_id: A.1
                line_summary: Informed consent
                line: Have people given informed consent?

        """

    /// Runs the import, then does exactly what the printed advice says, then checks the
    /// configuration and lists the templates.
    func importAndFollowTheAdvice(checklistFolder: String, in directory: TemporaryDirectory) throws {
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        try FileManager.default.createDirectory(atPath: directory.path + "/work", withIntermediateDirectories: true)
        _ = try directory.write("extends: default\ncouncil:\n  id: anytown\n  name: Anytown\nplugins:\n  canvas-builder:\n    templates+: []\n", to: "ethics.yaml")
        let checklist = checklistFolder + "/deon.yml"
        try FileManager.default.createDirectory(atPath: checklistFolder, withIntermediateDirectories: true)
        try Self.checklist.write(toFile: checklist, atomically: true, encoding: .utf8)
        let work = directory.url.appendingPathComponent("work")
        let imported = try CommandRunner.ethics(
            ["--config", "../ethics.yaml", "canvas-builder", "import", checklist], environment: environment, in: work)
        #expect(imported.status == 0, "\(imported)")
        let advice = imported.stdout

        // "move it to FOLDER/local/NAME" when it was written outside the configuration's folder.
        let written = try #require(advice.split(separator: ":").first.map(String.init))
        var relative = try #require(advice.firstMatch(of: /templates\+: \[([^\]]+)\]/)).1
        if let move = advice.firstMatch(of: /move it to (\S+),/) {
            let target = String(move.1)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: written, toPath: target)
            relative = try #require(advice.firstMatch(of: /templates\+: \[([^\]]+)\]/)).1
        }
        let config = directory.path + "/ethics.yaml"
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "templates+: []", with: "templates+: [\(relative)]")
        try text.write(toFile: config, atomically: true, encoding: .utf8)

        let check = try CommandRunner.ethics(["--config", "../ethics.yaml", "config", "check"], environment: environment, in: work)
        #expect(check.status == 0, "advice: \(advice)\n\(check)")
        let templates = try CommandRunner.ethics(["--config", "../ethics.yaml", "canvas-builder", "templates"], environment: environment, in: work)
        #expect(templates.stdout.contains("housing-data-checklist"), "\(templates)")
    }

    @Test func aChecklistInsideTheConfigurationsFolder() throws {
        let directory = try TemporaryDirectory()
        try importAndFollowTheAdvice(checklistFolder: directory.path + "/checklists", in: directory)
    }

    @Test func aChecklistOutsideTheConfigurationsFolder() throws {
        let directory = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        try importAndFollowTheAdvice(checklistFolder: elsewhere.path + "/downloads", in: directory)
    }
}
