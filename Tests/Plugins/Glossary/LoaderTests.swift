import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
@testable import Glossary
import Testing

@Suite struct LoaderTests {
    let directory: TemporaryDirectory
    let loader = GlossaryLoader(attributes: Fixtures.attributes)

    init() throws {
        directory = try TemporaryDirectory(prefix: "glossary-loader")
    }

    /// Every problem of the load, as `line:column: message` without the file, in order.
    private func problems(loading files: [String]) -> [String] {
        do {
            _ = try loader.load(files: files)
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                let place = diagnostic.location.map { "\($0.line):\($0.column): " } ?? ""
                return place + diagnostic.message + (diagnostic.suggestion.map { "; " + $0 } ?? "")
            }
        }
    }

    @Test func loadsTermsAndResourcesWithTheirPositionsAndProvenance() throws {
        let file = try directory.writePack("""
            terms:
              - id: fairness
                label: Fairness
                alt-labels: [equity]
                definition: Treating people justly.
                see-also: [guide]
                attributes: [justice]
                tags: [equality]
                sources:
                  - guide
                  - {title: A paper, publisher: A press, url: "https://example.org/paper"}
            resources:
              - id: guide
                type: guidance
                title: The Guide
                publisher: A department
                url: https://example.org/guide
                summary: Advice.
            """, to: "pack.yaml")
        let glossary = try loader.load(files: [file])

        let fairness = try #require(glossary["fairness"])
        #expect(fairness.altLabels == ["equity"])
        #expect(fairness.sources == [
            .entry("guide"), .reference(Reference(title: "A paper", publisher: "A press", url: "https://example.org/paper")),
        ])
        #expect(fairness.provenance == Fixtures.provenance)
        #expect(fairness.origin?.entry.line == 8)
        #expect(fairness.origin?.seeAlso.map(\.line) == [12])
        let guide = try #require(glossary["guide"])
        #expect(guide.kind == .resource(.guidance))
        #expect(guide.publisher == "A department")
        #expect(glossary.packs.map(\.entryCount) == [2])
    }

    @Test func reportsEveryProblemOfAFileAtOnceEachAtItsPlace() throws {
        let file = try directory.writePack("""
            terms:
              - id: Bad_Id
                label: Something
                definition: Fine.
              - id: fine
                lable: Typo
                definition: Fine.
              - id: unjust
                label: Unjust
                definition: Fine.
                attributes: [justise]
            resources:
              - id: thing
                type: widget
                title: Thing
                publisher: Someone
                url: ftp://example.org/thing
                summary: A thing.
            """, to: "pack.yaml")
        let found = problems(loading: [file])
        #expect(found.contains("8:9: the id 'Bad_Id' must be lowercase letters, digits and hyphens, starting with a letter"))
        #expect(found.contains("11:5: missing required key 'label'"))
        #expect(found.contains("12:5: unknown key 'lable'; did you mean 'label'?"))
        #expect(found.contains("17:18: unknown attribute 'justise'; did you mean 'justice'?"))
        #expect(found.contains { $0.hasPrefix("20:11: unknown value 'widget'") })
        #expect(found.count == 5, "\(found)")
    }

    @Test func checksAddressesOfResourcesOnceTheyDecode() throws {
        let file = try directory.writePack("""
            resources:
              - id: thing
                type: tool
                title: Thing
                publisher: Someone
                url: ftp://example.org/thing
                summary: A thing.
            """, to: "pack.yaml")
        #expect(problems(loading: [file]) == [
            "12:10: 'ftp://example.org/thing' is not a web address; write it in full, starting https://",
        ])
    }

    @Test(arguments: [
        ("HTTPS://example.org/", true), ("Http://Example.org", true), ("https://example.org:8443/a?b#c", true),
        ("https://user@example.org/", true), ("https://[2001:db8::1]/", true),
        ("https://", false), ("https:///path", false), ("https://:443/", false), ("https://?q", false),
        ("https://exa mple.org/", false), ("https://example.org:port/", false), ("mailto:x@example.org", false),
        ("ftp://example.org/", false), ("https//example.org", false),
        // Blanks and controls anywhere, ASCII or not; other letters are welcome.
        ("https://example.org/a\tb", false), ("https://example.org/\u{7F}", false), ("https://example.org/\u{85}", false),
        ("https://example.org/a\u{A0}b", false), ("https://example.org/a\u{2003}b", false), ("https://example.org/a\u{3000}b", false),
        ("https://example.org/~a!$&'()*+,;=", true), ("https://exämple.org/café", true),
        // A port a connection can use.
        ("https://example.org:65535/", true), ("https://example.org:0/", false), ("https://example.org:99999/", false),
        ("https://[2001:db8::1]:99999/", false),
    ])
    func aWebAddressNeedsAHostAndItsSchemeInAnyCase(_ url: String, _ accepted: Bool) {
        #expect(WebAddress.isValid(url) == accepted, "\(url)")
    }

    @Test func refusesAnIdDefinedTwiceInOneFile() throws {
        let file = try directory.writePack("""
            terms:
              - {id: twice, label: One, definition: First.}
              - {id: twice, label: Two, definition: Second.}
            """, to: "pack.yaml")
        #expect(problems(loading: [file]) == ["9:10: 'twice' is defined twice in this file; the first is at line 8"])
    }

    @Test func aLaterFileReplacesAnEntryOnlyWhenItSaysItOverrides() throws {
        let shipped = try directory.writePack("""
            terms:
              - {id: consent, label: Consent, definition: Shipped wording.}
              - {id: profiling, label: Profiling, definition: Shipped wording.}
            """, to: "shipped.yaml")
        let local = try directory.writePack("""
            terms:
              - {id: consent, label: Consent, definition: Our wording., overrides: true}
              - {id: profiling, label: Profiling, definition: Our wording.}
            """, to: "local.yaml")

        #expect(problems(loading: [shipped, local]) == [
            "9:10: 'profiling' is already defined at \(shipped):9:10; add 'overrides: true' to this entry to replace it, or choose another id",
        ])

        let fixed = try directory.writePack("""
            terms:
              - {id: consent, label: Consent, definition: Our wording., overrides: true}
            """, to: "fixed.yaml")
        let glossary = try loader.load(files: [shipped, fixed])
        #expect(glossary["consent"]?.definition == "Our wording.")
        #expect(glossary.entries.map(\.id) == ["consent", "profiling"], "an override keeps the entry's place")
    }

    @Test func reportsAnOverrideThatReplacesNothing() throws {
        let local = try directory.writePack("""
            terms:
              - {id: renamed, label: Renamed, definition: Ours., overrides: true}
            """, to: "local.yaml")
        #expect(problems(loading: [local]) == [
            "8:65: 'renamed' says it overrides an entry, but no earlier glossary file defines 'renamed'; check the id against the shipped glossary, or remove 'overrides: true'",
        ])
    }

    @Test func goesOnToTheNextFileAfterOneThatCannotBeRead() throws {
        let empty = try directory.write("# nothing yet\n", to: "empty.yaml")
        let broken = try directory.writePack("""
            terms:
              - {id: fine, label: Fine, definition: Fine.}
              - {id: broken, label: [not, text], definition: Broken.}
            """, to: "broken.yaml")
        let missing = directory.path + "/missing.yaml"
        let found = problems(loading: [empty, broken, missing])
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.contains("glossary file '\(empty)' is empty; it must hold 'provenance:' and 'terms:' or 'resources:'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("9:25: expected text") })
    }

    @Test func refusesBlankLabelsAndDefinitions() throws {
        let file = try directory.writePack("""
            terms:
              - {id: blank, label: " ", definition: "", alt-labels: ["--"]}
            """, to: "pack.yaml")
        #expect(problems(loading: [file]) == [
            "8:24: 'label' must not be empty",
            "8:41: 'definition' must not be empty",
            "8:58: an alternative label needs at least one letter or digit",
        ])
    }
}
