/// Boxes and arrows: a decision flow, the path a proposal took, how codes relate.
///
/// Node ids are whatever the content uses (`recognise-issue`, `Q1 (a)`, `end`); renderers map them
/// to identifiers that Mermaid and DOT accept and escape every label, so content never has to
/// care about either syntax.
public struct Graph: Hashable, Sendable, Codable {
    public enum Direction: String, Hashable, Sendable, Codable {
        case topDown
        case leftRight
    }

    public struct Node: Hashable, Sendable, Codable {
        public enum Shape: String, Hashable, Sendable, Codable {
            /// A step or fact.
            case box
            /// An activity.
            case rounded
            /// A question or decision.
            case diamond
            /// A start or an end.
            case stadium
            /// A connector or state.
            case circle
        }

        public var id: String
        public var label: String
        public var shape: Shape
        /// A style hook (`question`, `outcome`, `visited`) that becomes a class in HTML, Mermaid
        /// and DOT output.
        public var kind: String?

        public init(id: String, label: String, shape: Shape = .box, kind: String? = nil) {
            self.id = id
            self.label = label
            self.shape = shape
            self.kind = kind
        }
    }

    public struct Edge: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public var label: String?

        public init(from: String, to: String, label: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    public var title: String?
    public var direction: Direction
    /// The nodes in reading order. If two share an id the first wins; an edge naming an id that
    /// no node has gets a node labelled with that id, so nothing the content says is dropped.
    public var nodes: [Node]
    public var edges: [Edge]

    public init(title: String? = nil, direction: Direction = .topDown, nodes: [Node], edges: [Edge]) {
        self.title = title
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
    }
}
