import EthicsCore
import EthicsYAML

/// The shape of a template file, as written in YAML (see Configs/content/canvases/):
///
/// ```yaml
/// id: odi-data-ethics-canvas
/// version: "2021.1"
/// kind: canvas                    # or assessment (scored areas, recorded as assessments)
/// title: Data Ethics Canvas
/// review-every-days: 91
/// provenance: {source, publisher, url, licence, retrieved}
/// attribution: Adapted from ... CC BY-SA 4.0
/// scale: [{score: 0, meaning: ...}]          # assessments: what each score means
/// groups:
///   - id: know
///     title: Know
///     areas:
///       - id: sources
///         title: Data sources
///         attributes: [explicability]
///         scored: false
///         odi: {row: 0, column: 0, editor: KnowSources}
///         questions: [{id: which-sources, text: ..., odi: {form: sources}}]
/// ```
struct TemplateRecord: Decodable {
    var id: String
    var version: String
    var kind: CanvasTemplate.Kind
    var title: String
    var summary: String?
    var reviewEveryDays: Int?
    var provenance: Provenance
    var attribution: String?
    var scale: [ScaleRecord]?
    var groups: [GroupRecord]

    enum CodingKeys: String, CodingKey {
        case id, version, kind, title, summary, reviewEveryDays = "review-every-days", provenance, attribution, scale, groups
    }
}

extension CanvasTemplate.Kind: YAMLStringEnum {}

struct ScaleRecord: Decodable {
    var score: Int
    var meaning: String
}

struct GroupRecord: Decodable {
    var id: String
    var title: String
    var summary: String?
    var areas: [AreaRecord]
}

struct AreaRecord: Decodable {
    var id: String
    var title: String
    var summary: String?
    var attributes: [String]?
    var scored: Bool?
    var odi: CanvasTemplate.ODILayout?
    var questions: [QuestionRecord]
}

struct QuestionRecord: Decodable {
    var id: String
    var text: String
    /// Where the ODI app keeps the answer: `{form: text, slot: 0}` (see CanvasTemplate.ODISlot).
    var odi: CanvasTemplate.ODISlot?
}
