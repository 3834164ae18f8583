import CYAML
import EthicsDiagnostics

/// Writes nodes back out as YAML through libyaml's emitter, which decides when a scalar needs
/// quotes; scalars that were quoted in the source stay quoted, so `"true"` is still text when
/// the output is read again.
public enum YAMLEmitter {
    public struct EmitError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func emit(_ node: YAMLNode) throws(EmitError) -> String {
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) != 0 else { throw EmitError(description: "the YAML emitter could not start") }
        defer { yaml_emitter_delete(&emitter) }
        let output = OutputBuffer()
        let context = Unmanaged.passUnretained(output).toOpaque()
        yaml_emitter_set_output(&emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, context)
        yaml_emitter_set_unicode(&emitter, 1)
        // Lines wrap at 100 columns, except in a document deep enough for flow style: libyaml
        // indents a wrapped flow line by its depth, which would bring back the growth flow avoids.
        yaml_emitter_set_width(&emitter, depth(of: node) > blockDepth ? -1 : 100)
        yaml_emitter_set_indent(&emitter, 2)

        var events: [(inout yaml_event_t) -> Int32] = [
            { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) },
            { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) },
        ]
        appendEvents(for: node, to: &events, depth: 0)
        events.append { yaml_document_end_event_initialize(&$0, 1) }
        events.append { yaml_stream_end_event_initialize(&$0) }

        var event = yaml_event_t()
        for make in events {
            guard make(&event) != 0, yaml_emitter_emit(&emitter, &event) != 0 else {
                let problem = emitter.problem.map { String(cString: $0) } ?? "unknown problem"
                throw EmitError(description: "cannot write YAML: \(problem)")
            }
        }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// How deep collections nest in block style. Deeper ones are written in flow style (`[1, [2]]`):
    /// block style indents every line by its depth, so a deeply nested value (JSON carried through
    /// from an imported file) would grow with the square of its depth; flow style grows with its size.
    static let blockDepth = 8

    private static func appendEvents(for node: YAMLNode, to events: inout [(inout yaml_event_t) -> Int32], depth: Int) {
        let flow = depth >= blockDepth
        switch node.kind {
        case .scalar:
            let scalar = node.scalar!
            let style: yaml_scalar_style_t = switch scalar.style {
            case .plain: YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: YAML_LITERAL_SCALAR_STYLE
            case .folded: YAML_FOLDED_SCALAR_STYLE
            }
            // An empty plain scalar is null, but libyaml writes it as nothing at all, which reads
            // back as something else where it stands alone (a document, a key): write `null`.
            let text = scalar.style == .plain && scalar.tag == .none && scalar.text.isEmpty ? "null" : scalar.text
            // NUL-terminated so even empty text has an address libyaml can copy from.
            let bytes = Array(text.utf8) + [0]
            // An explicit tag is written out, so `!!str 123` stays text when read again.
            let tag: [UInt8]? = switch scalar.tag {
            case .none: nil
            case .nonSpecific: Array("!".utf8) + [0]
            case .str: Array("tag:yaml.org,2002:str".utf8) + [0]
            case .int: Array("tag:yaml.org,2002:int".utf8) + [0]
            case .float: Array("tag:yaml.org,2002:float".utf8) + [0]
            case .bool: Array("tag:yaml.org,2002:bool".utf8) + [0]
            case .null: Array("tag:yaml.org,2002:null".utf8) + [0]
            case .seq, .map: nil
            }
            let implicit: Int32 = tag == nil ? 1 : 0
            events.append { event in
                bytes.withUnsafeBufferPointer { buffer in
                    (tag ?? [0]).withUnsafeBufferPointer { tagBuffer in
                        yaml_scalar_event_initialize(
                            &event, nil, tag == nil ? nil : UnsafeMutablePointer(mutating: tagBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: buffer.baseAddress!), Int32(buffer.count - 1),
                            implicit, implicit, style)
                    }
                }
            }
        case .sequence:
            let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            events.append { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, style) }
            for element in node.elements { appendEvents(for: element, to: &events, depth: depth + 1) }
            events.append { yaml_sequence_end_event_initialize(&$0) }
        case .mapping:
            let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            events.append { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, style) }
            for (key, value) in node.entries {
                appendEvents(for: key, to: &events, depth: depth + 1)
                appendEvents(for: value, to: &events, depth: depth + 1)
            }
            events.append { yaml_mapping_end_event_initialize(&$0) }
        }
    }

    /// How deep `node`'s collections nest (a scalar is 0), without recursing: a document may be
    /// as deep as the parser's limits allow.
    static func depth(of node: YAMLNode) -> Int {
        var deepest = 0
        var pending: [(YAMLNode, Int)] = [(node, 0)]
        while let (next, level) = pending.popLast() {
            switch next.kind {
            case .scalar: deepest = max(deepest, level)
            case .sequence: pending += next.elements.map { ($0, level + 1) }
            case .mapping: pending += next.entries.flatMap { [($0.key, level + 1), ($0.value, level + 1)] }
            }
            deepest = max(deepest, level)
        }
        return deepest
    }

    private final class OutputBuffer {
        var bytes: [UInt8] = []
    }
}
