/// What every plugin shares about the council and its vocabulary, built once by the host.
public struct DataModel: Sendable {
    public var council: Council
    public var attributes: AttributeCatalog
    /// What the council's configuration says of its committee papers (`committee-paper:`, and the
    /// `sign-off-roles:` they are signed in); the command line adds the rest.
    public var paperDefaults: CommitteePaper

    public init(council: Council, attributes: AttributeCatalog, paperDefaults: CommitteePaper = CommitteePaper()) {
        self.council = council
        self.attributes = attributes
        self.paperDefaults = paperDefaults
    }
}
