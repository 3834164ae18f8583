public import EthicsDiagnostics
public import EthicsYAML

/// The attributes in force for a council: the shipped five plus any the council adds, in the
/// order their files list them.
public struct AttributeCatalog: Sendable, Hashable {
    public private(set) var attributes: [Attribute] = []
    /// The provenance of each pack the attributes came from, in load order.
    public private(set) var sources: [Provenance] = []
    private var byID: [String: Int] = [:]

    public init() {}

    public init(_ attributes: [Attribute]) {
        for attribute in attributes where byID[attribute.id] == nil {
            byID[attribute.id] = self.attributes.count
            self.attributes.append(attribute)
        }
    }

    public subscript(id: String) -> Attribute? {
        byID[id].map { attributes[$0] }
    }

    public var ids: [String] { attributes.map(\.id) }

    /// Loads attribute packs in order; an id given twice is an error at its second place.
    public static func load(files: [ContentPath], decoder: YAMLDecoder = YAMLDecoder()) throws(DiagnosticError) -> AttributeCatalog {
        var catalog = AttributeCatalog()
        var problems = DiagnosticCollector()
        for file in files {
            guard let document = problems.collecting({ () throws(DiagnosticError) in try file.parseDocument() }),
                  let pack = problems.collecting({ () throws(DiagnosticError) in try decoder.decode(AttributePack.self, from: document) })
            else { continue }
            catalog.sources.append(pack.provenance)
            let entries = document.root?["attributes"]?.elements ?? []
            for (attribute, node) in zip(pack.attributes, entries) {
                if catalog.byID[attribute.id] != nil {
                    problems.append(.error("attribute '\(attribute.id)' is defined twice", at: node["id"]?.location ?? node.location, keyPath: "attributes"))
                    continue
                }
                if !Identifier.isValid(attribute.id) {
                    problems.append(.error("attribute id '\(attribute.id)' must be lowercase letters, digits and hyphens", at: node["id"]?.location ?? node.location))
                }
                catalog.byID[attribute.id] = catalog.attributes.count
                catalog.attributes.append(attribute)
            }
        }
        try problems.throwIfErrors()
        return catalog
    }

    /// A diagnostic for each id in `ids` that is not an attribute, positioned at its node, with a
    /// did-you-mean; plugins call this when they load content tagged with attributes.
    public func check(_ ids: [String], nodes: [YAMLNode]) -> [Diagnostic] {
        zip(ids, nodes).compactMap { id, node in
            guard self[id] == nil else { return nil }
            return .error("unknown attribute '\(id)'", at: node.location,
                          suggestion: Suggestion.didYouMean(id, among: self.ids) ?? "known attributes: \(self.ids.joined(separator: ", "))")
        }
    }
}
