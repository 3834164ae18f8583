public import EthicsDiagnostics

/// Composes documents the way configuration inheritance needs: a child document laid over its
/// parent, every node keeping the file, line and column it was written at.
///
/// Rules, which the README documents for councils:
/// - mappings merge key by key, recursively; the child's value wins;
/// - scalars and lists in the child replace the parent's;
/// - a key written `name+` appends its list to the parent's `name` list instead of replacing it;
/// - with a `switchKey`, `true`, `false` or an empty value laid over a mapping keeps the mapping
///   and sets its `switchKey` (`glossary: false` over the parent's glossary settings switches
///   the plugin off and keeps its settings for when it is switched back on). With `switchesUnder`,
///   only the values directly under that top-level key switch (the plugins, not `plugins:`
///   itself, which would otherwise gain a `switchKey` entry nobody wrote).
public enum YAMLOverlay {
    /// `child` laid over `base` (nil: the child alone, with `name+` keys read as `name`).
    /// `dropping` names top-level keys left out of the result (`extends`).
    public static func overlay(
        _ child: YAMLNode, on base: YAMLNode?, dropping: Set<String> = [], switchKey: String? = nil,
        switchesUnder parentKey: String? = nil
    ) throws(DiagnosticError) -> YAMLNode {
        var writer = TreeWriter(switchKey: switchKey, switchesUnder: parentKey)
        let root = try writer.merge(child, base, dropping: dropping, path: [])
        return YAMLNode(document: writer.finish(root: root), index: root)
    }
}

/// Builds a new document out of nodes copied from others.
private struct TreeWriter {
    let switchKey: String?
    let switchesUnder: String?
    var files: [String] = []
    var fileIndex: [String: UInt32] = [:]
    var nodes: [RawNode] = []
    var children: [Int32] = []
    var bytes: [UInt8] = []

    func finish(root: Int32) -> YAMLDocument {
        YAMLDocument(files: files, nodes: nodes, children: children, bytes: bytes, rootIndex: root)
    }

    /// Whether a value at `path` (the keys leading to it from the root) may switch.
    private func switches(at path: [String]) -> Bool {
        guard let switchesUnder else { return true }
        return path.count == 2 && path[0] == switchesUnder
    }

    mutating func merge(_ child: YAMLNode, _ base: YAMLNode?, dropping: Set<String> = [], path: [String]) throws(DiagnosticError) -> Int32 {
        if let switchKey, let base, base.kind == .mapping, switches(at: path), let on = Self.switchValue(child) {
            var items: [Int32] = []
            for (key, value) in base.entries where key.text != switchKey {
                items += [copy(key), copy(value)]
            }
            items += [copy(child, text: switchKey), copy(child, text: on ? "true" : "false")]
            return collection(.mapping, at: child, items: items)
        }
        guard child.kind == .mapping else { return copy(child) }
        let baseEntries = base?.kind == .mapping ? base!.entries : []
        let childEntries = child.entries.filter { !dropping.contains($0.key.text ?? "") }
        var pairs: [(Int32, Int32)] = []

        for (key, value) in childEntries {
            guard let name = key.text, name.hasSuffix("+"), name.count > 1 else { continue }
            if childEntries.contains(where: { $0.key.text == String(name.dropLast()) }) {
                throw .error("'\(name)' and '\(name.dropLast())' are both given; use one (\(name) appends to the parent's list, \(name.dropLast()) replaces it)", at: key.location)
            }
            if value.kind != .sequence {
                throw .error("'\(name)' appends to a list, so its value must be a list", at: value.location)
            }
        }
        for (key, value) in baseEntries {
            let name = key.text ?? ""
            if dropping.contains(name) { continue }
            if let replacement = childEntries.first(where: { $0.key.text == name }) {
                pairs.append((copy(replacement.key), try merge(replacement.value, value, path: path + [name])))
            } else if let addition = childEntries.first(where: { $0.key.text == name + "+" }) {
                guard value.kind == .sequence || value.isNull else {
                    throw .error("'\(name)+' appends to a list, but '\(name)' in \(value.location) is \(value.kind.userDescription)", at: addition.key.location)
                }
                let items = (value.elements + addition.value.elements).map { copy($0) }
                pairs.append((copy(key, text: name), collection(.sequence, at: addition.value, items: items)))
            } else {
                pairs.append((copy(key), copy(value)))
            }
        }
        let baseNames = Set(baseEntries.compactMap(\.key.text))
        for (key, value) in childEntries {
            let name = key.text ?? ""
            let plain = name.hasSuffix("+") ? String(name.dropLast()) : name
            guard !baseNames.contains(plain) else { continue }
            pairs.append((copy(key, text: plain), try merge(value, nil, path: path + [plain])))
        }
        return collection(.mapping, at: child, items: pairs.flatMap { [$0.0, $0.1] })
    }

    /// `true`/`false`, or true for an empty value; nil for anything else.
    private static func switchValue(_ node: YAMLNode) -> Bool? {
        guard node.kind == .scalar else { return nil }
        if node.isNull { return true }
        if case .bool(let on) = node.scalar?.value { return on }
        return nil
    }

    /// A deep copy of `node` (aliases in the source are copied where used).
    mutating func copy(_ node: YAMLNode, text: String? = nil) -> Int32 {
        switch node.kind {
        case .scalar:
            let raw = node.raw
            let start = bytes.count
            if let text {
                bytes.append(contentsOf: text.utf8)
            } else {
                node.withBytes(of: raw) { bytes.append(contentsOf: $0) }
            }
            return append(raw, from: node, start: start, count: bytes.count - start)
        case .sequence:
            return collection(.sequence, at: node, items: node.elements.map { copy($0) })
        case .mapping:
            return collection(.mapping, at: node, items: node.entries.flatMap { [copy($0.key), copy($0.value)] })
        }
    }

    private mutating func collection(_ kind: YAMLNode.Kind, at node: YAMLNode, items: [Int32]) -> Int32 {
        let start = children.count
        children.append(contentsOf: items)
        var raw = node.raw
        raw.kind = kind
        return append(raw, from: node, start: start, count: items.count)
    }

    private mutating func append(_ raw: RawNode, from node: YAMLNode, start: Int, count: Int) -> Int32 {
        var raw = raw
        raw.file = file(node.document.files[Int(raw.file)])
        raw.start = UInt32(start)
        raw.count = UInt32(count)
        nodes.append(raw)
        return Int32(nodes.count - 1)
    }

    private mutating func file(_ name: String) -> UInt32 {
        if let index = fileIndex[name] { return index }
        files.append(name)
        fileIndex[name] = UInt32(files.count - 1)
        return UInt32(files.count - 1)
    }
}

extension YAMLOverlay {
    /// An empty mapping placed at `node`'s position: the settings of a plugin enabled with
    /// `true` or no value, so that a missing required setting is reported where the plugin is named.
    public static func emptyMapping(at node: YAMLNode) -> YAMLNode {
        var raw = node.raw
        raw.kind = .mapping
        raw.style = .plain
        raw.tag = .none
        raw.file = 0
        raw.start = 0
        raw.count = 0
        let document = YAMLDocument(files: [node.location.file], nodes: [raw], children: [], bytes: [], rootIndex: 0)
        return YAMLNode(document: document, index: 0)
    }
}
