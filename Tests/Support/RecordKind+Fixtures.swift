public import EthicsCore

/// The kinds of record the shipped plugins declare, for tests of modules that see no plugin
/// (the register, the host's commands).
extension RecordKind {
    public static let decision = RecordKind(id: "decision", prefix: "dec", title: "Decision record")
    public static let canvas = RecordKind(id: "canvas", prefix: "can", title: "Data ethics canvas")
    public static let assessment = RecordKind(id: "assessment", prefix: "asm", title: "Data ethics self-assessment")
}
