import EthicsTestSupport
import Foundation
import Testing

/// The shipped example end to end through the built `ethics`: a transparency record for the
/// predictive model for housing repairs, built from its canvas and its decision, completed from
/// the answers file in Configs/examples, checked, kept, signed off, rendered and exported, and
/// the bad inputs a council officer will type.
@Suite struct TransparencyRecordEndToEndTests {
    private let examples = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples").path
    private let config = CommandRunner.repositoryRoot.appendingPathComponent("Configs/toolkit.yaml").path
    private let file = "predictive-model-for-housing-repairs.atrs.yaml"

    private struct Workspace {
        let directory: TemporaryDirectory
        let config: String

        func run(_ arguments: [String], as person: String? = nil) throws -> CommandResult {
            try CommandRunner.ethics(
                ["--config", config] + (person.map { ["--as", $0] } ?? []) + arguments,
                environment: ["XDG_DATA_HOME": directory.path + "/data"], in: directory.url)
        }

        func text(_ name: String) throws -> String {
            try String(contentsOfFile: directory.path + "/" + name, encoding: .utf8)
        }
    }

    /// A canvas filled from the example's answers and the example's decision walk, signed off.
    private func prepared() throws -> Workspace {
        let workspace = Workspace(directory: try TemporaryDirectory(prefix: "atrs-e2e"), config: config)
        let steps: [[String]] = [
            ["canvas-builder", "new", "--title", "Predictive model for housing repairs", "--output", "housing-repairs.canvas.yaml"],
            ["canvas-builder", "fill", "housing-repairs.canvas.yaml", "--answers", examples + "/housing-repairs.canvas.answers.yaml"],
            ["decision-flowchart", "run", "--title", "Rank housing repairs with a model", "--author", "Housing data team",
             "--answers", examples + "/decision-walk.answers.yaml"],
        ]
        for step in steps {
            let run = try workspace.run(step)
            #expect(run.status == 0, "\(step): \(run)")
        }
        let signed = try workspace.run(["records", "approve", "dec-2026-0001", "--role", "Senior Responsible Owner"], as: "Sam Patel")
        #expect(signed.status == 0, "\(signed)")
        return workspace
    }

    @Test func theExampleIsBuiltCheckedSignedOffAndRendered() throws {
        let workspace = try prepared()
        let fromCanvas = try workspace.run(["transparency-record", "from-canvas", "housing-repairs.canvas.yaml"])
        #expect(fromCanvas.status == 0, "\(fromCanvas)")
        #expect(fromCanvas.stdout.contains("2.3 - Benefit") && fromCanvas.stdout.contains("reasons/benefit"), "\(fromCanvas)")
        let fromDecision = try workspace.run(["transparency-record", "from-decision", "dec-2026-0001", file])
        #expect(fromDecision.status == 0, "\(fromDecision)")
        #expect(fromDecision.stdout.contains("3.4 - Human decisions and review"), "\(fromDecision)")
        let prefilled = try workspace.text(file)
        #expect(prefilled.contains("standard-version: \"3.0\""))
        #expect(prefilled.contains("human-decisions: 'decision dec-2026-0001 version 2"), "\(prefilled)")
        #expect(prefilled.contains("Signed off by Sam Patel (Senior Responsible Owner)."))
        #expect(prefilled.contains("- dec-2026-0001"))

        let incomplete = try workspace.run(["transparency-record", "check", file])
        #expect(incomplete.status == 1, "\(incomplete)")
        #expect(incomplete.stdout.contains("1.2 - Team: needs an answer"), "\(incomplete)")
        #expect(incomplete.stdout.contains("4.1.2 - Phase: needs an answer"))
        #expect(incomplete.stdout.contains("Tier 2 - Decision-making process (section 3)"))

        let filled = try workspace.run(["transparency-record", "fill", file, "--answers", examples + "/transparency-record.answers.yaml"])
        #expect(filled.status == 0, "\(filled)")
        let complete = try workspace.run(["transparency-record", "check", file])
        #expect(complete.status == 0, "\(complete)")
        #expect(complete.stdout.contains("Complete: every required field of the standard is answered."))
        // Prefilled again once filled: the datasets filled in since are the same datasets.
        let before = try workspace.text(file)
        #expect(try workspace.run(["transparency-record", "from-canvas", "housing-repairs.canvas.yaml", file]).status == 0)
        #expect(try workspace.text(file).components(separatedBy: "Repair requests").count
                == before.components(separatedBy: "Repair requests").count, "no dataset twice")
        #expect(try workspace.run(["transparency-record", "check", file]).status == 0, "still complete")

        // A DPIA and an EIA made from the shipped templates, kept in the register, listed in section 5.
        var ids: [String] = []
        for (template, name) in [("dpia", "dpia.canvas.yaml"), ("equality-impact-assessment", "eia.canvas.yaml")] {
            let made = try workspace.run(["canvas-builder", "new", "--title", "Predictive model for housing repairs", "--template", template, "--output", name])
            #expect(made.status == 0, "\(made)")
            // Kept as drafts: a new, empty assessment does not go to the board.
            let recorded = try workspace.run(["canvas-builder", "record", name], as: "Dana Smith")
            #expect(recorded.status == 0, "\(recorded)")
            ids.append(try #require(recorded.stdout.firstMatch(of: /can-[0-9]{4}-[0-9]{4}/)).output.description)
        }
        let (dpia, eia) = (ids[0], ids[1])
        let linked = try workspace.run(["transparency-record", "link-assessment", file, dpia])
        #expect(linked.status == 0 && linked.stderr.contains("Listed \(dpia)"), "\(linked)")
        #expect(try workspace.run(["transparency-record", "link-assessment", file, eia]).status == 0)
        let unknown = try workspace.run(["transparency-record", "link-assessment", file, "can-2026-0009"])
        #expect(unknown.status == 2 && unknown.stderr.contains("there is no record 'can-2026-0009' in the register"), "\(unknown)")

        let kept = try workspace.run(["transparency-record", "record", file], as: "Jo Bloggs")
        #expect(kept.status == 0, "\(kept)")
        #expect(kept.stderr.contains("Kept as atr-2026-0001 version 1."), "\(kept)")
        #expect(try workspace.text(file).contains("record: atr-2026-0001"))
        let approved = try workspace.run(["records", "approve", "atr-2026-0001", "--role", "Senior Responsible Owner"], as: "Sam Patel")
        #expect(approved.status == 0, "\(approved)")
        let shown = try workspace.run(["records", "show", "atr-2026-0001"])
        #expect(shown.stdout.contains("Status: approved") && shown.stdout.contains("1.3 - Senior responsible owner"), "\(shown)")
        #expect(!shown.stdout.contains("Review by: not set"), "a kept record comes up for review a year on: \(shown)")
        let verified = try workspace.run(["records", "verify"])
        #expect(verified.status == 0, "\(verified)")
        // The list is a paper too, as every command that writes HTML also writes ODT and DOCX.
        let listed = try workspace.run(["transparency-record", "list", "--format", "docx", "--output", "records.docx"])
        #expect(listed.status == 0, "\(listed)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.directory.path + "/records.docx")).starts(with: Array("PK".utf8)))

        let html = try workspace.run(["transparency-record", "render", file, "--format", "html"])
        #expect(html.status == 0, "\(html)")
        #expect(html.stdout.contains("<h1>Anytown Borough Council: Predictive model for housing repairs</h1>") || html.stdout.contains("Anytown Borough Council: Predictive model for housing repairs"))
        #expect(html.stdout.contains(">Tier 1 - Overview</h2>"), "\(html.stdout.prefix(400))")
        #expect(html.stdout.contains(">Tier 2 - Owner and responsibility</h2>"))
        #expect(html.stdout.contains(">3.4 - Human decisions and review</h3>"))
        #expect(html.stdout.contains(">4.2.6 - Model architecture</h5>"))
        #expect(html.stdout.contains("algorithmic_transparency_record_atrs_version"))
        #expect(html.stdout.contains("dec-2026-0001") && html.stdout.contains("Ethical decision record"))
        #expect(html.stdout.contains("kept in the register as \(dpia) version 1 (draft)"), "\(html.stdout)")
        #expect(html.stdout.contains("kept in the register as \(eia) version 1 (draft)"))
        // The glossary links terms in HTML; the plain text shows each assessment's kind as written.
        let text = try workspace.run(["transparency-record", "render", file, "--format", "json"])
        #expect(text.stdout.contains("Data protection impact assessment, kept in the register as \(dpia) version 1 (draft)"), "\(text)")
        #expect(text.stdout.contains("Equality impact assessment, kept in the register as \(eia) version 1 (draft)"))
        let links = try workspace.run(["records", "show", "atr-2026-0001"])
        #expect(links.stdout.contains(dpia) && links.stdout.contains(eia), "\(links)")
        // Section 5 as the register keeps it lists the assessments as they stood when it was kept.
        let section5 = try workspace.run(["records", "show", "atr-2026-0001", "--format", "markdown"])
        #expect(section5.stdout.contains("kept in the register as \(dpia) version 1 (draft)"), "\(section5)")
        let json = try workspace.run(["transparency-record", "render", file, "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("algorithmic_transparency_record_organisation_type"))

        // The file as kept, made a committee paper, carries the register's sign-off; changed since, it does not.
        let paper = try workspace.run(["transparency-record", "render", file, "--report-number", "CAB-7", "--format", "markdown"])
        #expect(paper.stdout.contains("| Senior Responsible Owner | Sam Patel |"), "\(paper)")
        let changed = try workspace.run(["transparency-record", "fill", file, "--answers", try workspace.directory.write("record:\n  team: Another team\n", to: "team.yaml")])
        #expect(changed.status == 0, "\(changed)")
        let stale = try workspace.run(["transparency-record", "render", file, "--report-number", "CAB-7", "--format", "markdown"])
        #expect(stale.stdout.contains("| Senior Responsible Owner | Awaited |"), "\(stale)")
        #expect(stale.stderr.contains("The file differs from atr-2026-0001 as the register keeps it"), "\(stale)")

        // An assessment withdrawn since it was listed: section 5 says so, and keeping or exporting
        // the record warns; a withdrawn or superseded assessment is not listed again.
        let withdrawn = try workspace.run(["records", "withdraw", eia, "--reason", "Redone after consultation"], as: "Sam Patel")
        #expect(withdrawn.status == 0, "\(withdrawn)")
        let relinked = try workspace.run(["transparency-record", "link-assessment", file, eia])
        #expect(relinked.status == 2 && relinked.stderr.contains("'\(eia)' is withdrawn: a record cites the assessments that stand"), "\(relinked)")
        let exported = try workspace.run(["transparency-record", "export", file, "--to", "govuk", "--json", "withdrawn.json"])
        #expect(exported.status == 0, "\(exported)")
        #expect(exported.stderr.contains("warning: section 5 cites \(eia) (Predictive model for housing repairs), which is withdrawn"), "\(exported)")
        let rekept = try workspace.run(["transparency-record", "record", file], as: "Jo Bloggs")
        #expect(rekept.status == 0 && rekept.stderr.contains("warning: section 5 cites \(eia)"), "\(rekept)")
        let shownNow = try workspace.run(["transparency-record", "render", file, "--format", "json"])
        #expect(shownNow.stdout.contains("kept in the register as \(eia) version 2 (withdrawn)"), "\(shownNow)")
    }

    @Test func theGOVUKExportCarriesTheReferencesFieldLists() throws {
        let workspace = try prepared()
        // Exported before it is complete: written, with a warning that it is not ready to publish.
        let early = try workspace.run(["transparency-record", "new", "--name", "Early tool"])
        #expect(early.status == 0, "\(early)")
        let draft = try workspace.run(["transparency-record", "export", "early-tool.atrs.yaml", "--to", "govuk", "--json", "early.json"])
        #expect(draft.status == 0 && draft.stderr.contains("warning: the record is not complete:"), "\(draft)")
        for step in [["transparency-record", "from-canvas", "housing-repairs.canvas.yaml"],
                     ["transparency-record", "from-decision", "dec-2026-0001", file],
                     ["transparency-record", "fill", file, "--answers", examples + "/transparency-record.answers.yaml"],
                     ["transparency-record", "export", file, "--to", "govuk", "--json", "record.json"]] {
            let run = try workspace.run(step)
            #expect(run.status == 0, "\(step): \(run)")
            #expect(!run.stderr.contains("warning:"), "\(step): \(run)")
        }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(try workspace.text("record.json").utf8)) as? [String: Any])
        // The GOV.UK metadata fields of the reference, and only those, prefixed.
        let metadata = ["organisation", "organisation_type", "function", "capability", "task", "phase", "region",
                        "date_published", "atrs_version", "other_tags"]
        let prefix = "algorithmic_transparency_record_"
        #expect(Set(root.keys.filter { $0.hasPrefix(prefix) }) == Set(metadata.map { prefix + $0 }))
        #expect(root[prefix + "atrs_version"] as? String == "v3.0")
        #expect(root[prefix + "organisation_type"] as? [String] == ["local-authority"])
        #expect(root[prefix + "phase"] as? String == "production")
        let organisationTypes: Set = ["ministerial-department", "non-ministerial-department", "agency-or-public-body", "local-authority",
                                      "devolved-administration", "high-profile-group", "public-corporation"]
        #expect(Set(root[prefix + "organisation_type"] as? [String] ?? []).isSubset(of: organisationTypes))
        let tier1 = try #require(root["tier_1"] as? [String: Any])
        #expect(Set(tier1.keys) == ["name", "description", "website", "contact_email"])
        let tier2 = try #require(root["tier_2"] as? [String: Any])
        let owner = try #require(tier2["owner_and_responsibility"] as? [String: Any])
        #expect(owner["senior_responsible_owner"] as? String == "Head of Housing Repairs")
        #expect(owner["external_supplier_involvement"] as? Bool == false)
        let tool = try #require(tier2["tool_specification"] as? [String: Any])
        let model = try #require((tool["models"] as? [[String: Any]])?.first)
        #expect(model["model_architecture"] as? String == "Gradient-boosted decision trees.")
        let section5 = try #require(tier2["risks_mitigations_and_impact_assessments"] as? [String: Any])
        let assessments = try #require(section5["impact_assessments"] as? [[String: Any]])
        #expect(assessments.first?["assessment_link"] as? String == "dec-2026-0001")
        #expect(assessments.allSatisfy { $0["assessment_date"] is String })
    }

    @Test func theAlgoritmeregisterExportChecksItsLengthLimits() throws {
        let workspace = try prepared()
        for step in [["transparency-record", "from-canvas", "housing-repairs.canvas.yaml"],
                     ["transparency-record", "fill", file, "--answers", examples + "/transparency-record.answers.yaml"]] {
            #expect(try workspace.run(step).status == 0)
        }
        let exported = try workspace.run([
            "transparency-record", "export", file, "--to", "algoritmeregister", "--category", "impactful-algorithm", "--json", "nl.json",
        ])
        #expect(exported.status == 0, "\(exported)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(try workspace.text("nl.json").utf8)) as? [String: Any])
        #expect(root["standard_version"] as? String == "1.0")
        #expect(root["status"] as? String == "In gebruik")
        #expect(root["publication_category"] as? String == "Impactvolle algoritmes")
        #expect(root["organization"] as? String == "Anytown Borough Council")
        let known: Set = ["name", "description_short", "organization", "category", "status", "begin_date", "end_date", "contact_email",
                          "website", "publication_category", "url", "goal", "proportionality", "human_intervention", "risks",
                          "lawful_basis", "lawful_basis_grouping", "process_index_url", "impacttoetsen_grouping", "impacttoetsen",
                          "source_data", "source_data_grouping", "methods_and_models", "provider", "publiccode", "lang",
                          "standard_version", "source_id", "tags", "lars", "publication_dt"]
        #expect(Set(root.keys).isSubset(of: known), "\(Set(root.keys).subtracting(known))")

        // A Tier 1 description longer than the register's 400 characters: exit 2 at its line, nothing written.
        let long = String(repeating: "The model ranks repairs. ", count: 20)
        let answers = workspace.directory.path + "/long.answers.yaml"
        try "record:\n  description: \(long)\n".write(toFile: answers, atomically: true, encoding: .utf8)
        #expect(try workspace.run(["transparency-record", "fill", file, "--answers", answers]).status == 0)
        let refused = try workspace.run([
            "transparency-record", "export", file, "--to", "algoritmeregister", "--category", "other-algorithm", "--json", "long.json",
        ])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains(":description_short' takes at most 400 characters") || refused.stderr.contains("'description_short' takes at most 400 characters"), "\(refused)")
        #expect(refused.stderr.hasPrefix(file + ":"), "\(refused)")
        #expect(refused.stderr.contains(": error: 'description_short' takes at most 400 characters"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: workspace.directory.path + "/long.json"))
    }

    @Test func badAnswersArePositionedWithDidYouMean() throws {
        let workspace = Workspace(directory: try TemporaryDirectory(prefix: "atrs-e2e"), config: config)
        #expect(try workspace.run(["transparency-record", "new", "--name", "Predictive model for housing repairs"]).status == 0)
        let answers = workspace.directory.path + "/bad.answers.yaml"
        try """
            record:
              phase: prodution
              organisation-type: [local-authorty]
              senior-responsible-ownr: Head of Housing Repairs
            """.write(toFile: answers, atomically: true, encoding: .utf8)
        let before = try workspace.text(file)
        let run = try workspace.run(["transparency-record", "fill", file, "--answers", answers])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("bad.answers.yaml:2:10: error: 'prodution' is not one of the choices"), "\(run)")
        #expect(run.stderr.contains("did you mean 'production'?"), "\(run)")
        #expect(run.stderr.contains("bad.answers.yaml:3:23: error: 'local-authorty' is not one of the choices"), "\(run)")
        #expect(run.stderr.contains("did you mean 'local-authority'?"))
        #expect(run.stderr.contains("bad.answers.yaml:4:3: error: 'senior-responsible-ownr' is not a question here"), "\(run)")
        #expect(run.stderr.contains("senior-responsible-owner"))
        #expect(try workspace.text(file) == before)

        // An option before any operation is refused, not answered with the usage and exit 0.
        for option in ["--version", "--file"] {
            let early = try workspace.run(["transparency-record", option])
            #expect(early.status == 2 && early.stdout.isEmpty
                    && early.stderr.contains("error: '\(option)' comes before any operation of transparency-record"), "\(early)")
        }
        #expect(try workspace.run(["transparency-record", "--version"]).stderr.contains("'ethics --version' shows the toolkit's version"))
        #expect(try workspace.run(["transparency-record", "--help"]).stdout.contains("USAGE: ethics transparency-record <operation>"))

        // A missing bare word is asked for where it goes.
        let noID = try workspace.run(["transparency-record", "link-assessment", file])
        #expect(noID.status == 2 && noID.stderr.contains(
            "error: 'The assessment's record id, such as can-2026-0002' needs an answer; give it as the second argument (or --id), or pass --answers FILE"),
            "\(noID)")
        // Without a terminal or an answers file nothing is asked, and nothing is claimed done.
        let unasked = try workspace.run(["transparency-record", "fill", file])
        #expect(unasked.status == 2 && unasked.stderr.contains("is answered at a terminal or from an answers file, and there is neither"), "\(unasked)")
        // -o alone on a command that writes a file of its own names the report, not that file.
        let misnamed = try workspace.run(["transparency-record", "new", "--name", "Zed", "-o", "sub/z.atrs.yaml"])
        #expect(misnamed.status == 2, "\(misnamed)")
        #expect(misnamed.stderr.contains("error: -o names where the report of 'new' goes, not where to write the record; "
            + "name that with --file FILE, and -o as well if the report is wanted in a file"), "\(misnamed)")
        #expect(!FileManager.default.fileExists(atPath: workspace.directory.path + "/zed.atrs.yaml"))

        // Where the public is told to write or look must lead somewhere: in an answers file, and
        // in the record file edited by hand.
        try "record:\n  contact-email: housing repairs team\n  website: www.anytown.gov.uk/repairs\n".write(toFile: answers, atomically: true, encoding: .utf8)
        let badAddresses = try workspace.run(["transparency-record", "fill", file, "--answers", answers])
        #expect(badAddresses.status == 2, "\(badAddresses)")
        #expect(badAddresses.stderr.contains("bad.answers.yaml:2:18: error: 'Contact email' must be an email address, "
            + "such as data@council.gov.uk, not 'housing repairs team'"), "\(badAddresses)")
        #expect(badAddresses.stderr.contains("bad.answers.yaml:3:12: error: 'Website URL' must be a public web address in full, "
            + "such as https://www.council.gov.uk/page, not 'www.anytown.gov.uk/repairs'"), "\(badAddresses)")
        #expect(try workspace.text(file) == before)
        try (before + "  website: www.anytown.gov.uk/repairs\n").write(toFile: workspace.directory.path + "/" + file, atomically: true, encoding: .utf8)
        let checked = try workspace.run(["transparency-record", "check", file])
        #expect(checked.status == 2 && checked.stderr.hasPrefix(file + ":") && checked.stderr.contains(":12: error: 'Website URL' must be a public web address in full"), "\(checked)")
    }
}
