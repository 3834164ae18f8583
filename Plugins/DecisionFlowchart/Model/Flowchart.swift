public import EthicsCore
public import EthicsDiagnostics
public import EthicsYAML

/// A decision flowchart as its file gives it: the nodes, the lenses options are weighed through,
/// and where the content came from. Loading checks it (see `FlowchartChecks` and
/// `GraphValidator`); the walk relies on those checks having passed.
public struct Flowchart: Decodable, Sendable {
    public var id: Located<String>
    public var title: String
    /// Decision records name the version they were reached with, so a change to the chart is
    /// visible in the records that follow it.
    public var version: String
    public var summary: String?
    public var provenance: Provenance?
    /// The first node; the first node listed when absent.
    public var start: Located<String>?
    public var lenses: [Lens]
    public var nodes: [FlowNode]
    /// Where `id:` is written, for messages about the chart as a whole.
    public var location: SourceLocation
    /// Node index by id; the first node wins when an id repeats (which is reported).
    var index: [String: Int] = [:]

    private enum CodingKeys: String, CodingKey { case id, title, version, summary, provenance, start, lenses, nodes }

    public init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Located<String>.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        version = try container.decode(String.self, forKey: .version)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        provenance = try container.decodeIfPresent(Provenance.self, forKey: .provenance)
        start = try container.decodeIfPresent(Located<String>.self, forKey: .start)
        lenses = try container.decodeIfPresent([Lens].self, forKey: .lenses) ?? []
        nodes = try container.decode([FlowNode].self, forKey: .nodes)
        location = node?.location ?? .unknown
        index = Dictionary(nodes.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var nodeCount: Int { nodes.count }

    /// The file the chart was read from.
    public var file: String { location.file }

    public func node(_ id: String) -> FlowNode? {
        index[id].map { nodes[$0] }
    }

    /// The id of the node a walk starts at.
    public var startID: String { start?.value ?? nodes.first?.id.value ?? "" }

    func lens(_ id: String) -> Lens? {
        lenses.first { $0.id.value == id }
    }

    /// The lenses a lens-evaluation node uses, in its order.
    func lenses(of node: FlowNode) -> [Lens] {
        guard let ids = node.lenses else { return lenses }
        return ids.compactMap { lens($0.value) }
    }

    var outcomeCount: Int { nodes.count { $0.kind == .outcome } }
}
