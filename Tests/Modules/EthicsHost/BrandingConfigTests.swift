import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsTestSupport
import Foundation
import Testing

/// `branding:` in a council's configuration: read, checked and embedded, with every problem
/// reported at the line that causes it.
@Suite struct BrandingConfigTests {
    private func load(_ config: String, files: [String: Data] = [:]) throws -> (LoadedConfig, String) {
        let host = try HostHarness()
        for (name, data) in files { try host.directory.write(data, to: "council/\(name)") }
        let path = try host.write(config, to: "council/anytown.yaml")
        let loader = ConfigLoader(environment: ["HOME": host.directory.path], toolkitHome: host.home, compiledPluginIDs: ["fixture"])
        return (try loader.load(path), path)
    }

    private static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01])
    private static let header = "extends: default\ncouncil: {id: anytown, name: Anytown Borough Council}\n"

    @Test func aLogoIsEmbeddedAsADataURIAndTheAccentIsKept() throws {
        let (config, _) = try load(Self.header + "branding:\n  logo: logo.png\n  accent: \"#00703C\"\n", files: ["logo.png": Self.png])
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.branding.name == "Anytown Borough Council", "the council's name by default")
        #expect(config.branding.logo?.dataURI == "data:image/png;base64," + Self.png.base64EncodedString())
        #expect(config.branding.accent?.description == "#00703c")
    }

    @Test func anSVGLogoIsRecognisedByItsContentNotItsName() throws {
        let svg = Data(#"<?xml version="1.0"?><svg viewBox="0 0 1 1"/>"#.utf8)
        let (config, _) = try load(Self.header + "branding: {name: Anytown, logo: logo.img}\n", files: ["logo.img": svg])
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.branding.name == "Anytown")
        #expect(config.branding.logo?.mediaType == "image/svg+xml")
    }

    @Test func withoutBrandingTheCouncilsNameIsUsed() throws {
        let (config, _) = try load(Self.header)
        #expect(config.branding == Branding(name: "Anytown Borough Council"))
    }

    @Test(arguments: [
        ("logo: missing.png", 3, 9, "cannot use 'missing.png' as the logo: there is no file at"),
        ("logo: notes.txt", 3, 9, "cannot use 'notes.txt' as the logo: it is not a PNG, JPEG, GIF, WebP or SVG image"),
        ("logo: big.png", 3, 9, "cannot use 'big.png' as the logo: it is 300 KB; a logo may be at most 256 KB"),
        ("logo: .", 3, 9, "as the logo:"),
        ("logo: ../outside.png", 3, 9, "leads outside the configuration's folder"),
        ("accent: #00703c", 3, 10, "'accent' must be a colour written as \"#rrggbb\" (at branding.accent); put the colour in quotes"),
        ("accent: \"green\"", 3, 11, "'green' is not a colour written as \"#rrggbb\" or \"#rgb\""),
        ("accent: \"#ffdd00\"", 3, 11, "the accent #ffdd00 has a contrast of 1.34:1 against white; links in this colour need at least 4.5:1"),
        ("colour: \"#00703c\"", 3, 3, "colour"),
    ])
    func problemsAreReportedWhereTheyAreWritten(line: String, row: Int, column: Int, message: String) throws {
        let (config, path) = try load(Self.header.replacingOccurrences(of: "council:", with: "branding:\n  \(line)\ncouncil:"), files: [
            "notes.txt": Data("not an image".utf8),
            "big.png": Self.png + Data(count: 300 * 1024),
        ])
        let problem = try #require(config.problems.first, "no problem reported")
        #expect(config.problems.count == 1, "\(config.problems)")
        #expect(problem.location == SourceLocation(file: path, line: row, column: column), "\(problem)")
        #expect(problem.description.contains(message), "\(problem)")
    }

    @Test func aTooLightAccentComesWithADarkerShadeThatPasses() throws {
        let (config, _) = try load(Self.header + "branding:\n  accent: \"#ffdd00\"\n")
        let suggestion = try #require(config.problems.first?.suggestion)
        let shade = try #require(HexColour(String(suggestion.split(separator: "\"")[1])))
        #expect(shade.contrastRatio(against: .white) >= 4.5)
        #expect(config.branding.accent == nil, "the run falls back to the toolkit's own accent")
    }
}
