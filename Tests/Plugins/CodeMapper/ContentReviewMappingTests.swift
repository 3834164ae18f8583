import EthicsCore
import Testing
@testable import CodeMapper

/// The December 2026 content review's disputed mappings and words: autonomy means people keeping
/// the power to decide (not a democratic mandate or an owner's control of a system), reputation
/// is not accountability, and no clause copies a long run of its source.
@Suite struct ContentReviewMappingTests {
    @Test func theDisputedMappingsAreGone() throws {
        let library = try Fixtures.library()
        func attributes(_ id: String) throws -> [String] { try #require(library.clause(id)).attributeIDs }
        for id in [
            "senior-managers.selflessness.2", "senior-managers.democracy.1", "acm.2.8",
            "senior-managers.objectivity.8", "senior-managers.openness.1",
        ] {
            #expect(try !attributes(id).contains("autonomy"), "\(id)")
        }
        for id in ["bcs.4.a", "bcs.4.c", "rss.3.a"] {
            #expect(try !attributes(id).contains("explicability"), "\(id)")
        }
        #expect(try attributes("acm.2.3").count > 1)
        // Weak links the review named: leadership is respect (justice) and challenging poor
        // behaviour (non-maleficence); courage in doing right keeps beneficence alone.
        #expect(try attributes("nolan.leadership") == ["justice", "non-maleficence"])
        #expect(try attributes("senior-managers.integrity.1") == ["beneficence"])
    }

    @Test func titlesAndWordsFollowTheSource() throws {
        let library = try Fixtures.library()
        #expect(library.clause("acm.2.8")?.title.hasSuffix("or when compelled by the public good") == true)
        #expect(library.clause("acm.4.1")?.title == "Uphold, promote, and respect the principles of the Code")
        #expect(library.clause("acm.4.2") != nil)
        #expect(library.clause("senior-managers.leadership.4")?.text.contains("by the public or by") == true)
        #expect(library.clause("bcs.1.c")?.text.contains("any other") == true)
        #expect(library.clause("senior-managers.democracy.3")?.text.contains("breaks off") == true)
        let verbatim = [
            ("senior-managers.leadership.5", "proportionate, lawful, respectful, accountable, necessary and ethical"),
            ("bcs.4.f", "Encourage and support fellow members in their professional development"),
            ("bcs.1.c", "sex, sexual orientation, marital status, nationality, colour, race, ethnic origin"),
        ]
        for (id, run) in verbatim {
            #expect(library.clause(id)?.text.contains(run) == false, "\(id) still copies its source")
        }
    }
}
