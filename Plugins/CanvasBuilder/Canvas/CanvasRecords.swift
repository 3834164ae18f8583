import EthicsCore
import EthicsYAML

/// The shape of a canvas file, as `CanvasFile` writes it and a team edits it:
///
/// ```yaml
/// template: odi-data-ethics-canvas
/// template-version: "2021.1"
/// title: Housing repairs prediction
/// uuid: 0b7e…                       # the ODI app's id, kept for export
/// created: 2026-11-22
/// updated: 2026-11-22
/// review-by: 2027-02-21
/// record: can-2026-0001            # set by `record`
/// areas:
///   sources:
///     status: IN_PROGRESS           # IN_PROGRESS, FOR_REVIEW or COMPLETE
///     score: 3                      # scored areas only, 0 to 5
///     notes: …
///     answers:
///       which-sources: …
///     odi: {keys: […], fields: {…}}  # what the ODI file held that the toolkit does not model
/// actions:
///   - {title: …, description: …, priority: HIGH, owner: …, area: sources, type: action}
/// odi: {keys: […], fields: {…}}
/// ```
struct CanvasRecord: Decodable {
    var template: String
    var templateVersion: String
    var title: String
    var uuid: String?
    var created: CalendarDate
    var updated: CalendarDate
    var reviewBy: CalendarDate?
    var record: String?
    var areas: YAMLNode?
    var actions: [ActionRecord]?
    var odi: PassthroughRecord?

    enum CodingKeys: String, CodingKey {
        case template, templateVersion = "template-version", title, uuid, created, updated, reviewBy = "review-by", record, areas, actions, odi
    }
}

struct CanvasAreaRecord: Decodable {
    var status: AreaStatus?
    var score: Int?
    var notes: String?
    var answers: YAMLNode?
    var odi: PassthroughRecord?
}

struct ActionRecord: Decodable {
    var title: String
    var description: String?
    var priority: CanvasAction.Priority?
    var owner: String?
    var area: String?
    var type: CanvasAction.Kind?
}

struct PassthroughRecord: Decodable {
    var keys: [String]
    var fields: YAMLNode
}

extension AreaStatus: YAMLStringEnum {}
extension CanvasAction.Priority: YAMLStringEnum {}
extension CanvasAction.Kind: YAMLStringEnum {}
