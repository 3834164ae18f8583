public import EthicsCore

/// Where a term's definition comes from.
///
/// Most terms cite one of the glossary's own resources by id (`data-ethics-framework`), so the
/// publisher and address are written once; a source that is not worth an entry of its own is
/// written out in full as a reference.
public enum EntrySource: Hashable, Sendable {
    /// Another entry of the glossary, by id; usually a resource.
    case entry(String)
    case reference(Reference)
}
