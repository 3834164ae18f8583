/// How a scalar was written. Only plain scalars are resolved by the core schema: anything quoted
/// or written as a block is always a string, which is how a user says "this is text".
public enum YAMLScalarStyle: UInt8, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isPlain: Bool { self == .plain }
}
