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

    /// Loads attribute packs in order, through the one content loader (``ContentPack``): every
    /// problem in every file at once, and an id given twice an error at its second place.
    public static func load(files: [ContentPath], decoder: YAMLDecoder = YAMLDecoder()) throws(DiagnosticError) -> AttributeCatalog {
        let packs = try ContentPack<AttributePack>.load(
            files, kind: "attribute file", holding: "'provenance:' and 'attributes:'", decoder: decoder,
            ids: { pack, root in
                zip(pack.attributes, root["attributes"]?.elements ?? []).map { attribute, node in
                    (attribute.id, node["id"]?.location ?? node.location)
                }
            },
            check: { pack, root in
                zip(pack.attributes, root["attributes"]?.elements ?? []).compactMap { attribute, node in
                    Identifier.isValid(attribute.id) ? nil
                        : .error("attribute id '\(attribute.id)' must be lowercase letters, digits and hyphens", at: node["id"]?.location ?? node.location)
                }
            })
        var catalog = AttributeCatalog(packs.flatMap(\.file.attributes))
        catalog.sources = packs.map(\.file.provenance)
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
