import Synchronization

/// Questions one plugin answers for another, found by the protocol that asks them.
///
/// A capability is a protocol in EthicsCore (``EngagedDutiesFinder``: which professional duties
/// does this decision engage?). The plugin that can answer provides an implementation while it is
/// activated; any plugin may then ask `context.capabilities.find((any EngagedDutiesFinder).self)` and
/// gets nil when no enabled plugin provides it, so every capability is optional. Unlike the bus,
/// the asker gets an answer back, at once, and can keep it in the same transaction as its own write.
public final class Capabilities: Sendable {
    private let provided = Mutex<[ObjectIdentifier: ProvidedCapability]>([:])

    public init() {}

    /// Makes `value` the answer to `type`. A second provider of the same capability is refused,
    /// since which one answered would otherwise depend on the order of plugins in the config.
    public func provide<C: Sendable>(_ type: C.Type, by provider: String, _ value: C) throws(DuplicateCapability) {
        try provided.withLock { (provided: inout [ObjectIdentifier: ProvidedCapability]) throws(DuplicateCapability) in
            let key = ObjectIdentifier(type)
            if let existing = provided[key] {
                throw DuplicateCapability(capability: String(describing: type), first: existing.provider, second: provider)
            }
            provided[key] = ProvidedCapability(provider: provider, value: value)
        }
    }

    /// The enabled plugin's answer to `type`, or nil when no enabled plugin provides it.
    public func find<C: Sendable>(_ type: C.Type) -> C? {
        provided.withLock { $0[ObjectIdentifier(type)]?.value as? C }
    }
}

private struct ProvidedCapability: Sendable {
    let provider: String
    let value: any Sendable
}

/// Two enabled plugins offered the same capability.
public struct DuplicateCapability: Error, CustomStringConvertible {
    public let capability: String
    public let first: String
    public let second: String

    public var description: String {
        "both '\(first)' and '\(second)' provide \(capability); switch one of them off"
    }
}
