import EthicsCore
import EthicsYAML

/// A canvas template: the groups and areas a team works through, each area with guiding
/// questions. The ODI Data Ethics Canvas and the UK Data Ethics Framework self-assessment ship
/// as templates; a council adds its own (or one imported from a deon checklist).
struct CanvasTemplate: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Recorded in the register as a canvas.
        case canvas
        /// Scored areas; recorded in the register as an assessment.
        case assessment
    }

    struct Group: Sendable, Hashable {
        var id: String
        var title: String
        var summary: String?
        var areas: [Area]
    }

    struct Area: Sendable, Hashable {
        var id: String
        var title: String
        var summary: String?
        var attributes: [String]
        /// True for an area scored on the template's scale (the framework's principles).
        var scored: Bool
        var questions: [Question]
        /// Where the ODI app draws the area, and the form it edits it with.
        var odi: ODILayout?
    }

    struct Question: Sendable, Hashable {
        var id: String
        var text: String
        /// Where the ODI app keeps the answer to this question, for a template the app can read.
        var odi: ODISlot? = nil
    }

    /// One answer slot of the ODI app: the part of an area's `content` a question's answer lives
    /// in, and the shape the app's editor for that area reads there (see the header of
    /// Configs/content/canvases/odi-data-ethics-canvas.yaml).
    struct ODISlot: Sendable, Hashable, Decodable {
        enum Form: String, Sendable, Hashable, YAMLStringEnum {
            /// `content[slot]` is a string.
            case text
            /// `content[slot]` is a list of strings, one per answer line.
            case list
            /// `content[slot]` is a list of `{title, description}`, one per answer line.
            case describedList = "described-list"
            /// `content[slot]` is `{checked, text}`.
            case choice
            /// `content` is the list of data sources, `{title, description, url, owner}`.
            case sources
            /// `content[i]` holds the rights of source i; `field` names the part this question answers.
            case rights
            /// Answered by the canvas's actions (`content[0]`).
            case actions

            /// True when the form needs a `slot` index.
            var takesSlot: Bool {
                switch self {
                case .text, .list, .describedList, .choice: true
                case .sources, .rights, .actions: false
                }
            }
        }

        /// The parts of a rights item, and whether each is a `{checked, text}` pair.
        static let rightsFields: [(name: String, isChoice: Bool)] = [
            ("license", false), ("data_collection", true), ("personal_information", true), ("commercial_data", true), ("notes", false),
        ]

        var form: Form
        var slot: Int?
        var field: String?
    }

    struct ScaleStep: Sendable, Hashable {
        var score: Int
        var meaning: String
    }

    struct ODILayout: Sendable, Hashable, Decodable {
        var row: Int
        var column: Int
        var editor: String
    }

    var id: String
    var version: String
    var kind: Kind
    var title: String
    var summary: String?
    /// How long after a canvas is started (or last reviewed) it should be reviewed again.
    var reviewEveryDays: Int
    var provenance: Provenance
    /// The attribution the source's licence asks for, shown with every rendered canvas.
    var attribution: String?
    var scale: [ScaleStep]
    var groups: [Group]
    /// The file it was loaded from.
    var file: String

    var areas: [Area] { groups.flatMap(\.areas) }

    func area(_ id: String) -> Area? {
        areas.first { $0.id == id }
    }

    func group(of areaID: String) -> Group? {
        groups.first { $0.areas.contains { $0.id == areaID } }
    }

    var scores: ClosedRange<Int> { 0...5 }

    func meaning(ofScore score: Int) -> String? {
        scale.first { $0.score == score }?.meaning
    }
}
