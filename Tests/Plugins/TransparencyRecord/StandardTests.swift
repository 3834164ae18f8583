import EthicsCore
import EthicsTestSupport
import Foundation
import Testing
@testable import TransparencyRecord

/// The shipped ATRS v3.0 content pack: it loads, its fields are unique and numbered as published
/// v3.0 records number them, and GOV.UK's metadata lists are those of the reference.
@Suite struct StandardTests {
    static func shipped() throws -> Standard {
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Configs/content/transparency/atrs-3.0.yaml").path
        let content = ContentPath(path: path, written: path, location: SourceLocation(file: path, line: 1, column: 1))
        return try Standard.load(content)
    }

    @Test func theShippedPackIsVersionThreeWithProvenance() throws {
        let standard = try Self.shipped()
        #expect(standard.versionLabel == "v3.0")
        #expect(standard.provenance.licence.contains("Open Government Licence"))
        #expect(standard.provenance.url.hasPrefix("https://www.gov.uk/"))
        #expect(standard.sections.map(\.id) == [
            "metadata", "tier-1", "owner-and-responsibility", "description-and-rationale", "decision-making-process",
            "tool-specification", "risks-mitigations-and-impact-assessments",
        ])
        #expect(standard.sections.compactMap(\.number) == ["1", "2", "3", "4", "5"])
    }

    @Test func theMetadataListsAreGOVUKs() throws {
        let standard = try Self.shipped()
        #expect(standard.lists["organisation-type"]?.contains("local-authority") == true)
        #expect(standard.lists["organisation-type"]?.count == 7)
        #expect(standard.lists["phase"] == ["pre-deployment", "beta-pilot", "private-beta", "public-beta", "production", "retired"])
        #expect(standard.lists["function"]?.contains("housing-and-community-amenities") == true)
        #expect(standard.lists["capability"]?.count == 11)
        #expect(Set(RecordPages.govukFields(standard).map(\.name)) == [
            "organisation", "organisation_type", "function", "capability", "task", "phase", "region", "other_tags",
        ])
    }

    @Test func fieldsAreNumberedByTheirSection() throws {
        let standard = try Self.shipped()
        for section in standard.sections where section.tier == 2 {
            for field in section.fields {
                #expect(field.number?.hasPrefix(section.number! + ".") == true, "\(field.id)")
            }
        }
        #expect(standard.field("senior-responsible-owner")?.number == "1.3")
        #expect(standard.field("senior-responsible-owner")?.name == "senior_responsible_owner")
        #expect(standard.field("models")?.fields?.first { $0.id == "architecture" }?.heading == "4.2.6 - Model architecture")
        #expect(standard.field("supplier")?.required == .when("third-party"))
    }

    @Test func theFormAsksEveryFieldAndRequiresNoneItself() throws {
        let form = try Self.shipped().form
        #expect(form.id == "record")
        #expect(form.fields.allSatisfy { !$0.isRequired })
        guard case .choice(let phases)? = form.field("phase")?.kind else {
            Issue.record("phase is not a choice")
            return
        }
        #expect(phases.map(\.id).contains("production"))
    }
}
