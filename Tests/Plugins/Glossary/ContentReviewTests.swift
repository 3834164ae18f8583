import EthicsCore
@testable import Glossary
import Testing

/// The December 2026 content review: the terms a council expects are there, each with a source
/// in the glossary, and the definitions the law changed say what the law says now.
@Suite struct ContentReviewTests {
    let glossary: Glossary

    init() throws {
        glossary = try GlossaryLoader(attributes: try Fixtures.shippedAttributes()).load(files: Fixtures.shippedGlossaryFiles)
    }

    @Test(arguments: [
        "Data (Use and Access) Act 2025", "recognised legitimate interests", "Information Commission", "criminal offence data",
        "joint controller", "privacy notice", "records of processing activities", "ICO data sharing code",
        "Digital Economy Act 2017, Part 5 (Digital government)", "monitoring officer", "standards committee", "independent person",
        "register of interests", "LGA model code", "LGSCO", "contestability and redress", "five AI principles", "AI Playbook",
        "Data and AI Ethics Framework", "Explaining decisions made with AI", "AI and data protection risk toolkit", "RIPA",
        "Surveillance Camera Code of Practice", "facial recognition and biometrics", "socio-economic duty",
        "Well-being of Future Generations (Wales) Act 2015", "accredited official statistics", "Online Safety Act 2023",
        "section 149", "general equality duty",
    ])
    func aTermACouncilExpectsResolvesAndHasASource(_ name: String) throws {
        let entry = try #require(glossary.resolve(name), "\(name)")
        if entry.kind.isTerm {
            #expect(!entry.sources.isEmpty, "\(entry.id) has no source")
            for case .entry(let source) in entry.sources { #expect(glossary[source] != nil, "\(entry.id): \(source)") }
        } else {
            #expect(entry.url?.hasPrefix("https://") == true)
        }
    }

    @Test func definitionsFollowTheLawAsItNowStands() throws {
        func definition(_ id: String) throws -> String { try #require(glossary[id]).definition }
        #expect(try definition("automated-decision-making").contains("Articles 22A to 22D"))
        #expect(try definition("lawful-basis").contains("seven grounds"))
        #expect(try definition("information-commissioners-office").contains("Information Commission"))
        #expect(try definition("public-sector-equality-duty").contains("harassment, victimisation"))
        #expect(try definition("personal-data-breach").contains("unless it is unlikely to result in a risk"))
        #expect(try definition("official-statistics").contains("Official Statistics Order"))
        #expect(try !definition("public-interest").contains("The BCS and RSS codes put"))
        #expect(try !definition("beneficence").contains("outweigh"))
        #expect(try definition("capability-caution").contains("upper limits"))
    }
}
